/** Names people read instead of setting paths. */
const FIELD_NAMES: Record<string, string> = {
  host: 'Host',
  port: 'Port',
  user: 'User name',
  password: 'Password',
  secure: 'TLS',
  apiKey: 'API key',
  baseURL: 'Base URL',
  model: 'Model',
  mailbox: 'Mailbox',
  pollIntervalSeconds: 'Poll interval',
};

const RULES: { pattern: RegExp; say: (match: RegExpMatchArray) => string }[] = [
  { pattern: /(OPENAI|ANTHROPIC)_API_KEY|api key is missing|no api key/i, say: () => 'The provider needs an API key: type the key, save, then try again.' },
  { pattern: /incorrect api key|invalid[_ ]api[_ ]key|\b401\b|unauthori[sz]ed/i, say: () => 'The provider refused the API key: check that it is right and still valid.' },
  { pattern: /ECONNREFUSED|cannot connect to api|fetch failed/i, say: () => 'Nothing answers at that address and port: check the host and port, and that the server runs.' },
  { pattern: /ENOTFOUND|EAI_AGAIN/i, say: () => 'That host name does not exist: check the host.' },
  { pattern: /ETIMEDOUT|timed? ?out/i, say: () => 'The server did not answer in time: check the host, the port and any firewall.' },
];

/**
 * Server and library messages in plain words: "INTERNAL: … OPENAI_API_KEY environment variable"
 * becomes "The provider needs an API key …", "settings.host: Required" becomes "Host: Required".
 */
export function plainErrorMessage(message: string): string {
  for (const rule of RULES) {
    const match = message.match(rule.pattern);
    if (match) return rule.say(match);
  }
  return message
    .replace(/^(?:INTERNAL|TEMPORARY|INVALID_INPUT|AUTH|RATE_LIMITED|TIMEOUT):\s*/, '')
    .replace(/^Invalid input:\s*/, '')
    .replace(/(?:^|(?<=;\s))(?:settings|config)\.([A-Za-z]+)(?:\.[\w.]+)?:/g, (_whole, key: string) => `${FIELD_NAMES[key] ?? key}:`)
    .replace(/(?:^|(?<=;\s))([a-z][A-Za-z]+):(?=\s)/g, (whole, key: string) => (FIELD_NAMES[key] ? `${FIELD_NAMES[key]}:` : whole));
}
