// Child processes the benchmark starts, each stopped at the end, also when a measurement fails.
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';

const running = new Set();

function killAll(signal) {
  for (const child of running) {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

process.on('exit', () => killAll('SIGKILL'));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    killAll('SIGTERM');
    process.exit(130);
  });
}

/**
 * Spawns a process with its output in `logFile`; `onStdoutLine` sees each stdout line.
 * Returns `{ child, pid, exited, stop() }`; `stop` sends SIGTERM, then SIGKILL after `graceMs`.
 */
export function startProcess({ command, args, env, cwd, logFile, onStdoutLine }) {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const log = createWriteStream(logFile, { flags: 'a' });
  let pending = '';
  child.stdout.on('data', (chunk) => {
    log.write(chunk);
    if (!onStdoutLine) return;
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop();
    for (const line of lines) onStdoutLine(line);
  });
  child.stderr.on('data', (chunk) => log.write(chunk));
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      log.end();
      resolve({ code, signal });
    });
  });
  return {
    child,
    pid: child.pid,
    startedAt: Date.now(),
    exited,
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
}

/** Resident set size of a process in MB, from /proc/<pid>/status (null once it is gone). */
export function residentMegabytes(pid) {
  try {
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Samples a process's RSS every `intervalMs` until `stop()` returns the samples. */
export function sampleResidentMemory(pid, intervalMs = 250) {
  const samples = [];
  const take = () => {
    const megabytes = residentMegabytes(pid);
    if (megabytes !== null) samples.push({ at: Date.now(), megabytes });
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    samples,
    stop() {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}

export function sleep(milliseconds) {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
