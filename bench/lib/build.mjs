// Builds the API and the workspace packages it uses (turbo caches what did not change).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

function run(command, args, cwd) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', (error) => resolve({ code: -1, output: `${error.message}\n${output}` }));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

/**
 * `pnpm turbo run build --filter=@autocase/api...`. A failed type check still leaves tsc's output in
 * dist; then the benchmark goes on with a warning (kept in the results), otherwise it stops.
 */
export async function buildApi(root, log) {
  log('build: pnpm turbo run build --filter=@autocase/api...');
  const started = Date.now();
  const result = await run('pnpm', ['turbo', 'run', 'build', '--filter=@autocase/api...', '--output-logs=errors-only'], root);
  const seconds = (Date.now() - started) / 1000;
  const main = join(root, 'apps/api/dist/main.js');
  if (result.code === 0) return { ok: true, seconds, warning: null };
  const excerpt = result.output.split('\n').filter((line) => /error|ERR/.test(line)).slice(0, 8).join('\n');
  if (!existsSync(main)) throw new Error(`the build failed and apps/api/dist/main.js does not exist:\n${excerpt || result.output.slice(-2000)}`);
  return { ok: false, seconds, warning: `the build reported errors; measuring the emitted apps/api/dist anyway:\n${excerpt}` };
}
