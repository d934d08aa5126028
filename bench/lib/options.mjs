// Command-line options of `pnpm bench`.
export const SECTIONS = ['email', 'machine', 'chat', 'quality', 'spam', 'memory', 'scale', 'faults'];

const USAGE = `usage: pnpm bench [--quick] [--only=${SECTIONS.join(',')}] [--soak[=MINUTES]] [--runs=N] [--messages=N] [--customers=N] [--no-build]`;

function positiveInteger(name, text) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number ≥ 1, got "${text}"\n${USAGE}`);
  return value;
}

/** Parses argv (without node and the script); throws naming the bad option. */
export function parseOptions(argv) {
  const options = { quick: false, soak: false, soakMinutes: 10, build: true, only: new Set(SECTIONS), runs: null, messages: null, customers: null };
  for (const argument of argv) {
    const [name, value] = argument.replace(/^--/, '').split('=', 2);
    if (!argument.startsWith('--')) throw new Error(`unexpected argument "${argument}"\n${USAGE}`);
    if (name === 'quick') options.quick = true;
    else if (name === 'soak') {
      options.soak = true;
      if (value !== undefined) options.soakMinutes = positiveInteger(name, value);
    } else if (name === 'no-build') options.build = false;
    else if (name === 'only') {
      const chosen = (value ?? '').split(',').map((section) => section.trim()).filter(Boolean);
      const unknown = chosen.filter((section) => !SECTIONS.includes(section));
      if (chosen.length === 0 || unknown.length > 0) throw new Error(`--only takes a comma list of ${SECTIONS.join(', ')}; got "${value ?? ''}"\n${USAGE}`);
      options.only = new Set(chosen);
    } else if (name === 'runs' || name === 'messages' || name === 'customers') options[name] = positiveInteger(name, value);
    else if (name === 'help') throw new Error(USAGE);
    else throw new Error(`unknown option "${argument}"\n${USAGE}`);
  }
  const quick = options.quick;
  return {
    ...options,
    runs: options.runs ?? (quick ? 2 : 3),
    messages: options.messages ?? (quick ? 300 : 2500),
    customers: options.customers ?? (quick ? 10 : 50),
    profileMessages: quick ? 300 : 600,
    scaleMessages: options.messages ?? (quick ? 300 : 800),
    connections: 8,
    agents: quick ? 3 : 10,
  };
}
