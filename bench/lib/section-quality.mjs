// Section 3: prediction quality from the predictors package's script, plus regex on ABCD and learned on CFPB.
import { join } from 'node:path';
import { learnedOnCfpb, regexOnAbcd } from './quality-extra.mjs';
import { runQualityScript } from './quality-report.mjs';
import { figure, percent } from './report.mjs';

export async function runQualitySection({ root, evalDir, log }) {
  log('quality: packages/predictors/bench/quality.mjs (BANKING77 80/20, Bitext 5-fold)');
  const sections = await runQualityScript(root);
  const rows = [];
  for (const section of sections) {
    const at07 = section.atThreshold.find((entry) => entry.threshold === 0.7);
    const training = Object.entries(section.details).find(([name]) => /training time/.test(name));
    rows.push(figure('quality', `Learned: ${section.name}`, `accuracy ${percent(section.accuracy)}, macro-F1 ${percent(section.macroF1)}`, { range: at07 ? `at confidence ≥ 0.7: precision ${percent(at07.precision)}, coverage ${percent(at07.coverage)}` : '', target: training ? `${training[0]}: ${training[1]}` : '' }));
  }
  rows.push(...issueTargets(sections));
  log('quality: regex predictor on ABCD, learned predictor on CFPB complaints');
  const regex = await regexOnAbcd(join(evalDir, 'conversations'));
  rows.push(figure('quality', `Regex: ABCD chats (${regex.conversations} conversations, ${regex.expectedValues} typed identifiers: email, phone, order id, username)`, `precision ${percent(regex.precision)}, recall ${percent(regex.recall)}`, { range: `${regex.meanMs.toFixed(2)} ms per conversation` }));
  const cfpb = await learnedOnCfpb(join(evalDir, 'complaints/cfpb-complaints-sample.csv'));
  rows.push(figure('quality', `Learned: CFPB complaint narratives → product (${cfpb.examples} narratives, ${cfpb.products} products, stratified 5-fold)`, `accuracy ${percent(cfpb.accuracy)}, macro-F1 ${percent(cfpb.macroF1)}`, { range: `at confidence ≥ ${cfpb.threshold}: precision ${percent(cfpb.precisionAtThreshold)}, coverage ${percent(cfpb.coverageAtThreshold)}`, target: `training ${cfpb.meanTrainingSeconds.toFixed(2)} s per fold` }));
  return { rows, details: { script: sections, regexAbcd: regex, learnedCfpb: cfpb } };
}

const leadingNumber = (text) => Number(/([\d.]+)/.exec(text ?? '')?.[1] ?? Number.NaN);

/** The learned predictor's targets (BANKING77 accuracy, precision and coverage at the default threshold, speed; Bitext) as pass/fail rows. */
export function issueTargets(sections) {
  const rows = [];
  const banking = sections.find((section) => section.name.startsWith('BANKING77'));
  if (banking) {
    const at07 = banking.atThreshold.find((entry) => entry.threshold === 0.7);
    const training = leadingNumber(banking.details['training time (all 10k)']);
    const p99 = leadingNumber(banking.details['prediction p50 / p99']?.split('/')[1]);
    rows.push(
      figure('quality', 'Learned target: BANKING77 accuracy (80/20)', percent(banking.accuracy), { target: '≥ 93.7 % (fine-tuned BERT)', pass: banking.accuracy >= 0.937 }),
      figure('quality', 'Learned target: BANKING77 at the default threshold 0.7', at07 ? `precision ${percent(at07.precision)}, coverage ${percent(at07.coverage)}` : 'not measured', {
        range: banking.details['coverage at 98 % precision'] ? `98 % precision kept on ${banking.details['coverage at 98 % precision']}` : '',
        target: '≥ 98 % precision with ≥ 85 % coverage',
        pass: Boolean(at07 && at07.precision >= 0.98 && at07.coverage >= 0.85),
      }),
      figure('quality', 'Learned target: training on 10k examples, one core', `${training.toFixed(2)} s`, { target: '≤ 10 s', pass: training <= 10 }),
      figure('quality', 'Learned target: prediction p99', `${p99.toFixed(3)} ms`, { target: '≤ 1 ms', pass: p99 <= 1 }),
    );
  }
  for (const section of sections.filter((candidate) => candidate.name.startsWith('Bitext'))) {
    rows.push(figure('quality', `Learned target: ${section.name.split(' —')[0]} (5-fold)`, percent(section.accuracy), { target: '≥ 99.5 %', pass: section.accuracy >= 0.995 }));
  }
  return rows;
}
