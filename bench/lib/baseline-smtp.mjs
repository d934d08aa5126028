// The ingest baseline: the same libraries as the product in the least work that still stores a
// message (smtp-server → mailparser → one row committed to SQLite via better-sqlite3 → 250).
// Run as its own process: `node bench/lib/baseline-smtp.mjs <sqlite file>`; it prints
// `{"port":…}` once listening and stops on SIGTERM.
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import Database from 'better-sqlite3';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node baseline-smtp.mjs <sqlite file>\n');
  process.exit(2);
}

const database = new Database(file);
database.pragma('journal_mode = WAL');
database.exec('CREATE TABLE IF NOT EXISTS emails (id INTEGER PRIMARY KEY, message_id TEXT, subject TEXT, sender TEXT, body TEXT, raw BLOB)');
const insert = database.prepare('INSERT INTO emails (message_id, subject, sender, body, raw) VALUES (?, ?, ?, ?, ?)');

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  size: 25 * 1024 * 1024,
  onData(stream, _session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('error', callback);
    stream.on('end', () => {
      const raw = Buffer.concat(chunks);
      simpleParser(raw).then(
        (parsed) => {
          insert.run(parsed.messageId ?? null, parsed.subject ?? null, parsed.from?.text ?? null, parsed.text ?? null, raw);
          callback();
        },
        (error) => callback(error),
      );
    });
  },
});

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.server.address().port })}\n`);
});
process.once('SIGTERM', () => server.close(() => {
  database.close();
  process.exit(0);
}));
