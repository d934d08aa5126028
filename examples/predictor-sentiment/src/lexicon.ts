/** Small English sentiment lexicon: word → polarity weight. */
export const NEGATIVE_WORDS: Record<string, number> = {
  angry: 2, annoyed: 1.5, awful: 2, bad: 1, broken: 1.5, cancel: 1, complaint: 1.5, disappointed: 2,
  disgusting: 2.5, frustrated: 2, frustrating: 2, furious: 3, horrible: 2.5, lost: 1, never: 0.5,
  poor: 1.5, ridiculous: 2, scam: 3, slow: 1, terrible: 2.5, unacceptable: 2.5, unhappy: 2,
  upset: 2, useless: 2, waiting: 0.5, worst: 3, wrong: 1, refund: 0.5, still: 0.5,
};
export const POSITIVE_WORDS: Record<string, number> = {
  appreciate: 2, awesome: 2.5, excellent: 2.5, fantastic: 2.5, glad: 1.5, good: 1, great: 2,
  happy: 2, helpful: 2, love: 2.5, perfect: 2.5, pleased: 2, quick: 1, resolved: 1.5,
  thank: 1.5, thanks: 1.5, wonderful: 2.5, works: 1,
};
export const NEGATORS = new Set(['not', "n't", 'no', 'never', 'hardly']);
