// A minimal SMTP client for fault drills: sends messages over a few connections and records, per
// message, the reply code to the end of DATA (250 = the platform took responsibility) and how
// long that reply took. A connection that breaks (the server was killed) records `null` and the
// client reconnects for the next message.
import { connect } from 'node:net';

const REPLY_TIMEOUT_MS = 40_000;

class SmtpSession {
  constructor(socket) {
    this.socket = socket;
    this.buffer = '';
    this.waiting = [];
    this.closed = false;
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      this.buffer += chunk;
      for (;;) {
        const end = this.buffer.search(/^\d{3} .*\r?\n/m);
        if (end < 0) break;
        const lineEnd = this.buffer.indexOf('\n', end);
        const reply = this.buffer.slice(0, lineEnd + 1);
        this.buffer = this.buffer.slice(lineEnd + 1);
        this.waiting.shift()?.resolve(Number(reply.slice(end, end + 3)));
      }
    });
    const fail = (error) => {
      this.closed = true;
      for (const waiter of this.waiting.splice(0)) waiter.reject(error ?? new Error('connection closed'));
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('connection closed')));
  }

  static open(port) {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('error', reject);
      socket.once('connect', async () => {
        socket.off('error', reject);
        const session = new SmtpSession(socket);
        try {
          if ((await session.reply()) !== 220) throw new Error('no SMTP greeting');
          if ((await session.command('EHLO drill.example')) !== 250) throw new Error('EHLO refused');
          resolve(session);
        } catch (error) {
          socket.destroy();
          reject(error);
        }
      });
    });
  }

  reply() {
    if (this.closed) return Promise.reject(new Error('connection closed'));
    return new Promise((resolve, reject) => {
      const waiter = { resolve, reject };
      const timer = setTimeout(() => reject(new Error('no SMTP reply in time')), REPLY_TIMEOUT_MS);
      waiter.resolve = (code) => {
        clearTimeout(timer);
        resolve(code);
      };
      waiter.reject = (error) => {
        clearTimeout(timer);
        reject(error);
      };
      this.waiting.push(waiter);
    });
  }

  command(line) {
    const reply = this.reply();
    this.socket.write(`${line}\r\n`);
    return reply;
  }

  /** The reply code to the end of DATA (or of the first refused command). */
  async send(message) {
    for (const line of [`MAIL FROM:<${message.from}>`, `RCPT TO:<${message.to}>`]) {
      const code = await this.command(line);
      if (code >= 400) {
        await this.command('RSET').catch(() => undefined);
        return code;
      }
    }
    const ready = await this.command('DATA');
    if (ready !== 354) return ready;
    const body = message.raw.replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..');
    return this.command(`${body}\r\n.`);
  }

  close() {
    this.socket.end('QUIT\r\n');
    this.socket.destroy();
  }
}

/** An RFC 5322 message with its own Message-ID (the drill's identity of a message). */
export function drillMessage(run, index, mailbox) {
  const messageId = `drill-${run}-${index}@customer.example`;
  const from = `customer${index}@customer.example`;
  const raw = [`From: Customer ${index} <${from}>`, `To: ${mailbox}`, `Subject: Drill ${run} #${index}: my parcel has not arrived`, `Message-ID: <${messageId}>`, `Date: ${new Date().toUTCString()}`, '', `Order ORD-${100000 + index} has not arrived yet.`, ''].join('\n');
  return { messageId, from, to: mailbox, raw };
}

/**
 * Sends `messages` over `connections` parallel sessions to `port()` (asked again at each
 * reconnection, so a drill can switch to another process). `onReply` sees every result:
 * `{ message, code, ms }` with code null when the connection broke or could not be opened.
 */
export async function sendMessages(port, messages, { connections = 4, onReply = () => undefined } = {}) {
  const results = [];
  let next = 0;
  async function worker() {
    let session = null;
    while (next < messages.length) {
      const message = messages[next];
      next += 1;
      const startedAt = Date.now();
      let code = null;
      try {
        session ??= await SmtpSession.open(port());
        code = await session.send(message);
      } catch {
        session?.socket.destroy();
        session = null;
      }
      const result = { message, code, ms: Date.now() - startedAt };
      results.push(result);
      onReply(result);
    }
    session?.close();
  }
  await Promise.all(Array.from({ length: connections }, () => worker()));
  return results;
}
