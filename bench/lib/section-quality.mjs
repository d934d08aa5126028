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
  log('quality: regex predictor on ABCD, learned predictor on CFPB complaints');
  const regex = await regexOnAbcd(join(evalDir, 'conversations'));
  rows.push(figure('quality', `Regex: ABCD chats (${regex.conversations} conversations, ${regex.expectedValues} typed identifiers: email, phone, order id, username)`, `precision ${percent(regex.precision)}, recall ${percent(regex.recall)}`, { range: `${regex.meanMs.toFixed(2)} ms per conversation` }));
  const cfpb = await learnedOnCfpb(join(evalDir, 'complaints/cfpb-complaints-sample.csv'));
  rows.push(figure('quality', `Learned: CFPB complaint narratives → product (${cfpb.examples} narratives, ${cfpb.products} products, stratified 5-fold)`, `accuracy ${percent(cfpb.accuracy)}, macro-F1 ${percent(cfpb.macroF1)}`, { range: `at confidence ≥ ${cfpb.threshold}: precision ${percent(cfpb.precisionAtThreshold)}, coverage ${percent(cfpb.coverageAtThreshold)}`, target: `training ${cfpb.meanTrainingSeconds.toFixed(2)} s per fold` }));
  return { rows, details: { script: sections, regexAbcd: regex, learnedCfpb: cfpb } };
}
