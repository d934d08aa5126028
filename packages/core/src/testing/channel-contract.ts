import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelConnection, ChannelHost, ChannelPlugin, InboundItem } from '../plugins/channel.js';
import { PluginError } from '../plugins/errors.js';
import type { PluginContext } from '../plugins/plugin-context.js';

/** What the sender on the other side of the channel saw for one delivery. */
export interface ChannelDeliveryOutcome {
  /** True when the sender got a success answer (SMTP 250, HTTP 2xx, message flagged as taken…). */
  acknowledged: boolean;
}

export interface ChannelContractOptions<Config> {
  plugin: ChannelPlugin<Config>;
  /** A valid configuration (before schema parsing); a function when it must be fresh per test (ports, folders). */
  config: unknown | (() => unknown | Promise<unknown>);
  /** Configurations the schema must reject; `null` and a number are always tried too. */
  invalidConfigs?: unknown[];
  /** Defaults to a silent logger, `globalThis.fetch`, a fixed clock and a live signal. */
  context?: PluginContext;
  /**
   * Sends one inbound item through the channel's real transport (SMTP socket, IMAP append,
   * HTTP request) after `doStart`, and says whether the sender saw success. When given, the
   * suite checks the channel acknowledges only what the host durably accepted.
   */
  deliver?: (connection: ChannelConnection, attempt: number) => Promise<ChannelDeliveryOutcome>;
  /** Resolves once the host has seen `count` items or the channel has given up on them (pollers). */
  settle?: (connection: ChannelConnection) => Promise<void>;
  /** The `kind` the channel's items have, e.g. `email.raw`. */
  expectedKind?: string;
  /** Name of the describe block; defaults to `channel contract: <id>`. */
  name?: string;
}

function silentContext(): PluginContext {
  const ignore = () => undefined;
  return {
    logger: { debug: ignore, info: ignore, warn: ignore, error: ignore },
    fetch: globalThis.fetch,
    now: () => new Date('2026-01-01T00:00:00.000Z'),
    signal: new AbortController().signal,
  };
}

/** A host that records what it accepts and can be told that storage is down. */
export class RecordingChannelHost implements ChannelHost {
  readonly accepted: InboundItem[] = [];
  /** Calls while storage was down. */
  refused = 0;
  down = false;

  async accept(item: InboundItem): Promise<{ id: string; duplicate: boolean }> {
    if (this.down) {
      this.refused += 1;
      throw new PluginError('TEMPORARY', 'storage is down');
    }
    this.accepted.push(item);
    return { id: `item-${this.accepted.length}`, duplicate: false };
  }
}

/**
 * The contract every channel plugin must honour, as a vitest suite. Call it at the top level
 * of a test file:
 *
 * ```ts
 * runChannelContract({ plugin: smtpListener, config: () => ({ port: 0, mailboxes: ['support@example.com'] }), deliver });
 * ```
 */
export function runChannelContract<Config>(options: ChannelContractOptions<Config>): void {
  const { plugin } = options;
  const context = options.context ?? silentContext();
  const configInput = async () => (typeof options.config === 'function' ? await (options.config as () => unknown)() : options.config);
  const open: ChannelConnection[] = [];

  async function create(): Promise<ChannelConnection> {
    const config = plugin.configSchema.parse(await configInput());
    const connection = await plugin.create(config, context);
    open.push(connection);
    return connection;
  }

  describe(options.name ?? `channel contract: ${plugin.id}`, () => {
    afterEach(async () => {
      for (const connection of open.splice(0)) await connection.doStop();
    });

    it('declares specification v1, a stable id and a config schema', () => {
      expect(plugin.specificationVersion).toBe('v1');
      expect(plugin.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(typeof plugin.configSchema.safeParse).toBe('function');
      expect(typeof plugin.create).toBe('function');
    });

    it('accepts its valid configuration and rejects invalid ones with a message', async () => {
      expect(plugin.configSchema.safeParse(await configInput()).success).toBe(true);
      for (const invalid of [null, 42, ...(options.invalidConfigs ?? [])]) {
        const result = plugin.configSchema.safeParse(invalid);
        expect(result.success, `config ${JSON.stringify(invalid)} is rejected`).toBe(false);
        expect(result.error?.issues[0]?.message.length ?? 0).toBeGreaterThan(0);
      }
    });

    it('starts and stops, and stopping twice is harmless', async () => {
      const connection = await create();
      await connection.doStart(new RecordingChannelHost());
      await connection.doStop();
      await connection.doStop();
    });

    if (options.deliver) {
      const deliver = options.deliver;
      it('hands each inbound item to the host and acknowledges the sender only after accept resolved', async () => {
        const host = new RecordingChannelHost();
        const connection = await create();
        await connection.doStart(host);
        const outcome = await deliver(connection, 1);
        await options.settle?.(connection);
        expect(outcome.acknowledged).toBe(true);
        expect(host.accepted).toHaveLength(1);
        const [item] = host.accepted;
        if (options.expectedKind) expect(item!.kind).toBe(options.expectedKind);
        expect(Number.isNaN(Date.parse(item!.receivedAt))).toBe(false);
      });

      it('does not acknowledge what the host could not store, so the sender can retry', async () => {
        const host = new RecordingChannelHost();
        host.down = true;
        const connection = await create();
        await connection.doStart(host);
        const refused = await deliver(connection, 1);
        await options.settle?.(connection);
        expect(refused.acknowledged).toBe(false);
        expect(host.refused).toBeGreaterThan(0);
        host.down = false;
        const retried = await deliver(connection, 2);
        await options.settle?.(connection);
        expect(retried.acknowledged).toBe(true);
        expect(host.accepted.length).toBeGreaterThan(0);
      });
    }
  });
}
