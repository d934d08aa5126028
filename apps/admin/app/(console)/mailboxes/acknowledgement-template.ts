export const TEMPLATE_PLACEHOLDERS = ['caseNumber', 'subject', 'customerName', 'customerEmail', 'mailbox'] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

export const SAMPLE_VALUES: Record<TemplatePlaceholder, string> = {
  caseNumber: 'CAS-00042',
  subject: 'My order arrived damaged',
  customerName: 'Ann Customer',
  customerEmail: 'ann@example.com',
  mailbox: 'support@example.com',
};

/** Fills `{{placeholder}}` with values; unknown placeholders stay visible so mistakes show in the preview. */
export function renderTemplate(template: string, values: Partial<Record<string, string>>): string {
  return template.replace(/\{\{\s*([a-zA-Z]+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}

/** Placeholders used in the template that the API does not know. */
export function unknownPlaceholders(template: string): string[] {
  const known = new Set<string>(TEMPLATE_PLACEHOLDERS);
  const found = [...template.matchAll(/\{\{\s*([a-zA-Z]+)\s*\}\}/g)].map((match) => match[1] ?? '');
  return [...new Set(found.filter((name) => !known.has(name)))];
}
