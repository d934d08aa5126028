import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DOVECOT = '/usr/sbin/dovecot';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`dovecot did not listen on ${port}`);
}

export interface RunningDovecot {
  host: string;
  port: number;
  /** Delivers a raw message into a user's INBOX the way an MTA does (Maildir tmp/ then new/). */
  deliver(user: string, raw: string | Uint8Array): void;
  stop(): Promise<void>;
}

/**
 * A real Dovecot IMAP server (Debian package dovecot-imapd) in a temporary directory, on a free
 * port of 127.0.0.1, plain IMAP with the given users; for tests of IMAP code.
 */
export async function startDovecot(options: { users: Record<string, string> }): Promise<RunningDovecot> {
  if (!existsSync(DOVECOT)) throw new Error(`this test runs a real IMAP server: install Debian's dovecot-imapd (${DOVECOT} is missing)`);
  const directory = mkdtempSync(join(tmpdir(), 'autocase-dovecot-'));
  for (const folder of ['run', 'state', 'mail']) mkdirSync(join(directory, folder));
  chmodSync(directory, 0o755);
  chmodSync(join(directory, 'mail'), 0o777);
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const uid = asRoot ? 65534 : process.getuid!();
  const gid = asRoot ? 65534 : process.getgid!();
  const ownUser = process.env.USER ?? 'nobody';
  writeFileSync(join(directory, 'users'), Object.entries(options.users).map(([user, password]) => `${user}:{PLAIN}${password}\n`).join(''));
  writeFileSync(
    join(directory, 'dovecot.conf'),
    [
      `base_dir = ${directory}/run`,
      `state_dir = ${directory}/state`,
      `log_path = ${directory}/dovecot.log`,
      'protocols = imap',
      'listen = 127.0.0.1',
      'ssl = no',
      'disable_plaintext_auth = no',
      'auth_mechanisms = plain',
      `default_internal_user = ${asRoot ? 'dovecot' : ownUser}`,
      `default_login_user = ${asRoot ? 'dovenull' : ownUser}`,
      `mail_location = maildir:${directory}/mail/%u`,
      `passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u ${directory}/users\n}`,
      `userdb {\n  driver = static\n  args = uid=${uid} gid=${gid} home=${directory}/mail/%u\n}`,
      `service imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(DOVECOT, ['-F', '-c', join(directory, 'dovecot.conf')], { stdio: 'ignore' });
  await waitForPort(port, Date.now() + 10_000);
  let stopped = false;
  let delivered = 0;
  return {
    host: '127.0.0.1',
    port,
    deliver(user, raw) {
      const maildir = join(directory, 'mail', user);
      for (const folder of ['tmp', 'new', 'cur']) {
        mkdirSync(join(maildir, folder), { recursive: true });
        chmodSync(join(maildir, folder), 0o777);
      }
      chmodSync(maildir, 0o777);
      delivered += 1;
      const name = `${Date.now()}.${process.pid}_${delivered}.autocase-test`;
      writeFileSync(join(maildir, 'tmp', name), raw, { mode: 0o666 });
      renameSync(join(maildir, 'tmp', name), join(maildir, 'new', name));
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

