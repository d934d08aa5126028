import type { ZodType } from 'zod';
import type { PluginContext } from './plugin-context.js';

/**
 * Something that arrived on a channel, handed to the host. The host stores it durably
 * before `accept` resolves; a channel must not acknowledge its sender before that.
 */
export interface InboundItem {
  /** Channel-specific kind, e.g. `email.raw`, `chat.message`. */
  kind: string;
  /** Raw bytes (email) or JSON payload. */
  payload: Uint8Array | Record<string, unknown>;
  /** Where it arrived (mailbox address, widget id…). */
  address?: string;
  receivedAt: string;
  /** Channel-specific facts about the delivery, e.g. the SMTP envelope `{ mailFrom, rcptTo }` (`mailFrom: ''` is the null sender). */
  metadata?: Record<string, unknown>;
}

/** The host side a channel talks to. */
export interface ChannelHost {
  /** Durably accepts an inbound item; resolves only once it is stored. Throws a PluginError('TEMPORARY') when storage is down. */
  accept(item: InboundItem): Promise<{ id: string; duplicate: boolean }>;
}

export interface OutboundMessage {
  to: string[];
  subject?: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  inReplyTo?: string;
  references?: string[];
}

export interface ChannelConnection {
  /** Starts listening/polling. Resolves once ready. */
  doStart(host: ChannelHost): Promise<void>;
  /** Stops and releases sockets. */
  doStop(): Promise<void>;
  /** Sends a message out on this channel, when the channel can send. Returns the channel's message id. */
  doSend?(message: OutboundMessage): Promise<{ messageId: string }>;
}

export interface ChannelPlugin<Config = unknown> {
  readonly specificationVersion: 'v1';
  readonly id: string;
  readonly configSchema: ZodType<Config>;
  create(config: Config, context: PluginContext): ChannelConnection | Promise<ChannelConnection>;
}
