import type { Evidence, PredictionMessage } from '@autocase/core';

function collapse(text: string): { text: string; offsets: number[] } {
  let collapsed = '';
  const offsets: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]!;
    if (/\s/.test(character)) {
      if (collapsed.endsWith(' ') || collapsed === '') continue;
      collapsed += ' ';
    } else collapsed += character.toLowerCase();
    offsets.push(index);
  }
  return { text: collapsed, offsets };
}

/**
 * Finds the quote in the messages and returns it as it is written there: exactly, or
 * ignoring case and runs of whitespace (then the original span is quoted). Null when the
 * conversation does not contain it.
 */
export function locateQuote(quote: string, messages: readonly PredictionMessage[]): Evidence | null {
  const wanted = quote.trim().replace(/^["'“”]+|["'“”]+$/g, '').trim();
  if (wanted === '') return null;
  for (const message of messages) if (message.text.includes(wanted)) return { messageId: message.id, quote: wanted };
  const needle = collapse(wanted).text.trim();
  for (const message of messages) {
    const haystack = collapse(message.text);
    const at = haystack.text.indexOf(needle);
    if (at < 0) continue;
    const start = haystack.offsets[at]!;
    const end = haystack.offsets[at + needle.length - 1]! + 1;
    return { messageId: message.id, quote: message.text.slice(start, end) };
  }
  return null;
}
