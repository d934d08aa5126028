import type { ImapSettings } from '@autocase/core';
import { ImapFlow } from 'imapflow';

/** Connects and logs in with IMAP settings as an admin typed them; says what happened. */
export async function testImapConnection(settings: ImapSettings, timeoutMs = 15_000): Promise<{ ok: boolean; message: string }> {
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: { user: settings.user, pass: settings.password },
    logger: false,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    ...(settings.tls ? { tls: { rejectUnauthorized: settings.tls.rejectUnauthorized } } : {}),
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const status = await client.status(settings.folder, { messages: true, unseen: true });
    await client.logout();
    return { ok: true, message: `Connected; ${settings.folder} has ${status.messages ?? 0} messages (${status.unseen ?? 0} unseen).` };
  } catch (error) {
    client.close();
    const details = error as { message?: string; responseText?: string; authenticationFailed?: boolean };
    const reason = [details.message, details.responseText].filter(Boolean).join(': ');
    return { ok: false, message: details.authenticationFailed ? `Authentication failed for ${settings.user}: ${reason}` : reason };
  }
}
