/** Parses an RFC 4180 CSV file into objects keyed by the header row. */
export function readCsv(path: string): Record<string, string>[];
