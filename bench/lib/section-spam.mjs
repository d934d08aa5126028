// Section: spam handling, on ../shared/eval/emails/spam (SpamAssassin spam part 2) and
// emails/ham (easy_ham part 1); the shipped model was trained on other parts (bench/spam/).
import { join } from 'node:path';
import { DEFAULT_SPAM_POLICY, decideSpam } from '@autocase/core';
import { readUpstreamSpamReport } from '@autocase/channels/email';
import { loadBaseSpamModel, SpamClassifier } from '@autocase/predictors/spam';
import { loadMessages } from './spam-corpus.mjs';
import { figure, percent } from './report.mjs';

const share = (verdicts) => verdicts.filter(Boolean).length / Math.max(verdicts.length, 1);

/** Spam caught and ham lost: by the classifier alone (verdict headers stripped), with the upstream verdict, and by the headers alone. */
export async function measureSpam(evalDir, { limit = Infinity } = {}) {
  const classifier = new SpamClassifier(loadBaseSpamModel());
  const folders = { spam: await loadMessages(join(evalDir, 'emails/spam'), { limit }), ham: await loadMessages(join(evalDir, 'emails/ham'), { limit }) };
  const result = { model: { trainedOn: classifier.model.trainedOn, examples: classifier.model.examples, terms: classifier.model.terms.length, threshold: classifier.model.threshold } };
  const started = performance.now();
  for (const [label, messages] of Object.entries(folders)) {
    const alone = messages.map((message) => decideSpam(DEFAULT_SPAM_POLICY, readUpstreamSpamReport({}), classifier.score(message.stripped)).spam);
    const withUpstream = messages.map((message) => decideSpam(DEFAULT_SPAM_POLICY, readUpstreamSpamReport(message.parsed.headers), classifier.score(message.parsed)).spam);
    const headersOnly = messages.map((message) => decideSpam(DEFAULT_SPAM_POLICY, readUpstreamSpamReport(message.parsed.headers), null).spam);
    const carryingVerdict = messages.filter((message) => Object.keys(message.parsed.headers).some((name) => /^x-spam-(flag|status|score)$|^authentication-results$/.test(name))).length;
    result[label] = { messages: messages.length, classifierAlone: share(alone), withUpstreamVerdict: share(withUpstream), headersAlone: share(headersOnly), carryingVerdictHeaders: carryingVerdict };
  }
  result.msPerMessage = (performance.now() - started) / (3 * (folders.spam.length + folders.ham.length));
  return result;
}

export async function runSpamSection({ evalDir, log }) {
  log('spam: the shipped classifier and the upstream verdict on emails/spam and emails/ham');
  const measured = await measureSpam(evalDir);
  const { spam, ham } = measured;
  const rows = [
    figure('spam', `Spam quarantined, classifier alone (${spam.messages} spam, verdict headers stripped)`, percent(spam.classifierAlone), { target: '≥ 95 %', pass: spam.classifierAlone >= 0.95 }),
    figure('spam', `Ham quarantined, classifier alone (${ham.messages} ham)`, percent(ham.classifierAlone), { target: '≤ 0.5 %', pass: ham.classifierAlone <= 0.005 }),
    figure('spam', 'Spam / ham quarantined with the upstream verdict (default policy)', `${percent(spam.withUpstreamVerdict)} / ${percent(ham.withUpstreamVerdict)}`, { range: `${spam.carryingVerdictHeaders} spam and ${ham.carryingVerdictHeaders} ham carry X-Spam-* or Authentication-Results headers` }),
    figure('spam', 'Spam / ham quarantined by the headers alone (no classifier)', `${percent(spam.headersAlone)} / ${percent(ham.headersAlone)}`, { range: `model: ${measured.model.terms} terms, ${measured.model.examples.spam} spam + ${measured.model.examples.ham} ham examples, ${measured.msPerMessage.toFixed(2)} ms per message` }),
  ];
  return { rows, details: measured };
}
