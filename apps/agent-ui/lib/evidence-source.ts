import type { ChatMessage } from '@autocase/core';

const SENDER_LABEL: Record<ChatMessage['sender'], string> = { customer: 'Customer', agent: 'Agent', bot: 'Bot', system: 'System' };

/** Where an evidence quote came from: "Customer message 2 · 10:32" when the message is in this conversation. */
export function describeEvidenceSource(messageId: string | undefined, messages: ChatMessage[], formatTime: (iso: string) => string = defaultTime): string {
  if (!messageId) return 'From the conversation';
  const index = messages.findIndex((message) => message.id === messageId);
  if (index < 0) return `Message ${messageId.slice(0, 8)}`;
  const message = messages[index]!;
  return `${SENDER_LABEL[message.sender]} message ${index + 1} · ${formatTime(message.at)}`;
}

function defaultTime(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}
