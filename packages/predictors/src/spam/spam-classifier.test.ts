import { describe, expect, it } from 'vitest';
import type { ParsedEmail } from '@autocase/core';
import { loadBaseSpamModel } from './base-spam-model.js';
import { sigmoid, SpamClassifier, spamRow } from './spam-classifier.js';
import { spamTerms, type SpamFeatureInput } from './spam-features.js';
import { decodeSpamModel, encodeSpamModel } from './spam-model.js';
import { adaptSpamModel, trainSpamModel } from './train-spam-model.js';

function email(subject: string, text: string, overrides: Partial<SpamFeatureInput> = {}): SpamFeatureInput {
  return { subject, text, html: null, from: { address: 'someone@example.com', name: 'Someone' }, headers: { 'message-id': ['<1@example.com>'], date: ['Mon, 1 Jan 2026'] }, attachments: [], ...overrides };
}

const SPAM_TEXTS = ['Cheap pills online, best price, order now and save money', 'Make money fast from home, click here to order now', 'Lowest mortgage rates, save money, click here now', 'Free offer: order pills now at the best price', 'Earn money from home, limited offer, click here'];
const HAM_TEXTS = ['My printer does not print since the update, can you help', 'The invoice for March shows the wrong amount, please check', 'I cannot log in to my account after resetting the password', 'The delivery arrived damaged, the box was open', 'Please update the address on my account to the new one'];
const examples = [...SPAM_TEXTS.map((text) => ({ terms: spamTerms(email('Offer', text)), spam: true })), ...HAM_TEXTS.map((text) => ({ terms: spamTerms(email('Question', text)), spam: false }))];

describe('spamTerms', () => {
  it('reads words, subject, sender, links and structure, never the upstream verdict headers', () => {
    const terms = spamTerms(
      email('FREE MONEY!!!', 'Visit http://198.51.100.7/offer now', {
        from: { address: 'x123@cheap.example' },
        html: '<html><body><font color="red">Visit</font></body></html>',
        headers: { 'content-type': ['text/html; charset="iso-8859-1"'], 'x-spam-flag': ['YES'], 'x-spam-status': ['Yes, score=20'] },
      }),
    );
    expect(terms).toEqual(expect.arrayContaining(['s:free', 's:money!!!', 's:ALLCAPS', 's:BANG', 'visit', 'fd:cheap.example', 'fl:a###', 'fn:NONE', 'url:IP', 'h:htmlonly', 'tag:font', 'attr:color', 'cs:iso-8859-1', 'NOMSGID', 'NODATE', 'xm:NONE']));
    expect(terms.some((term) => /yes|score|x-spam/i.test(term))).toBe(false);
  });
});

describe('spam model', () => {
  it('learns spam from ham and survives encoding', () => {
    const model = trainSpamModel(examples, { trainedOn: 'test', minDocumentFrequency: 1 });
    const classifier = new SpamClassifier(decodeSpamModel(encodeSpamModel(model)));
    expect(classifier.model.examples).toEqual({ spam: 5, ham: 5 });
    const spam = classifier.score(email('Offer', 'Order cheap pills now, click here'));
    expect(spam.probability).toBeGreaterThan(0.5);
    expect(spam.evidence.length).toBeGreaterThan(0);
    expect(classifier.score(email('Question', 'My printer shows the wrong account')).probability).toBeLessThan(0.5);
    expect(() => decodeSpamModel(encodeSpamModel({ ...model, format: 'other' as 'autocase-spam/v1' }))).toThrow(/not a spam model/);
  });

  it('adapts to people\'s decisions without forgetting the base', () => {
    const base = trainSpamModel(examples, { trainedOn: 'test', minDocumentFrequency: 1 });
    const newsletter = email('Offer', 'Partner newsletter: order now, best price for members, click here for the catalogue');
    expect(new SpamClassifier(base).score(newsletter).probability).toBeGreaterThan(0.5);
    const adapted = adaptSpamModel(base, [{ terms: spamTerms(newsletter), spam: false }]);
    const classifier = new SpamClassifier(adapted, 'base + 1 decision');
    expect(classifier.score(newsletter)).toMatchObject({ model: 'base + 1 decision' });
    expect(classifier.score(newsletter).probability).toBeLessThan(0.5);
    expect(classifier.score(email('Offer', 'Cheap pills online, make money fast, click here')).probability).toBeGreaterThan(0.5);
    expect(adapted.examples).toEqual({ spam: 5, ham: 6 });
    expect(adaptSpamModel(base, [])).toBe(base);
  });
});

describe('short messages', () => {
  it('are judged with less confidence: a few spammy terms do not make spam', () => {
    const model = loadBaseSpamModel();
    const terms = ['fn:NONE', 'xm:NONE', 's:newsletter', 'NODATE'];
    const row = spamRow(new Map(model.terms.map((term, position) => [term, position])), model.idf, terms);
    const rawLogit = row.indices.reduce((sum, position, offset) => sum + model.weights[position]! * row.values[offset]!, model.bias);
    expect(sigmoid(rawLogit)).toBeGreaterThan(0.5);
    expect(new SpamClassifier(model).scoreTerms(terms).probability).toBeLessThan(0.5);
  });
});

describe('the shipped base model', () => {
  it('is small, was trained on the corpus parts outside the evaluation sets, and tells spam from a support request', () => {
    const model = loadBaseSpamModel();
    expect(model.trainedOn).toMatch(/easy-ham-2, hard-ham-1, spam-1/);
    expect(model.examples.spam).toBeGreaterThan(400);
    expect(encodeSpamModel(model).byteLength).toBeLessThan(1_000_000);
    const classifier = new SpamClassifier(model);
    const request: ParsedEmail['text'] = 'Hello,\n\nmy order 4411 arrived yesterday but the charger is missing. Could you send one?\n\nThanks,\nJane';
    expect(classifier.score(email('Missing charger in my order', request, { headers: { 'message-id': ['<a@b.example>'], date: ['x'], 'x-mailer': ['Apple Mail'] } })).probability).toBeLessThan(0.5);
    const pitch = 'Dear Friend,\n\nYou have been selected! Earn $5000 a week from home. CLICK HERE to claim your FREE money now! To be removed from our mailing list reply with REMOVE.';
    expect(classifier.score(email('Earn $5000 a week!!!', pitch, { from: { address: 'offers8812@free-money.example' } })).probability).toBeGreaterThan(0.5);
  });
});
