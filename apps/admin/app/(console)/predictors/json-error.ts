/** Why JSON.parse failed, with the line when the engine reports a position, so the admin can find it. */
export function describeJsonError(source: string): string | null {
  try {
    JSON.parse(source);
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const base = message.replace(/ in JSON at position \d+.*$/, '');
    const lineColumn = /\(line (\d+) column \d+\)/.exec(message);
    if (lineColumn) return `Line ${lineColumn[1]}: ${base}`;
    const position = /position (\d+)/.exec(message);
    if (position) return `Line ${source.slice(0, Number(position[1])).split('\n').length}: ${base}`;
    return message;
  }
}
