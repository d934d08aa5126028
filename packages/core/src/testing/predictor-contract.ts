import { describe, expect, it } from 'vitest';
import type { PluginContext } from '../plugins/plugin-context.js';
import type { PredictionInput, PredictionResult, Predictor, PredictorInstance } from '../plugins/predictor.js';

/** One input the predictor is exercised with; `signal` is supplied by the suite. */
export type PredictorContractSample = Omit<PredictionInput, 'signal'>;

export interface PredictorContractOptions<Config> {
  predictor: Predictor<Config>;
  /** A valid configuration (before schema parsing). */
  config: unknown;
  /** Configurations the schema must reject; `null` and a number are always tried too. */
  invalidConfigs?: unknown[];
  /** Defaults to a silent logger, `globalThis.fetch`, a fixed clock and a live signal. */
  context?: PluginContext;
  /** Inputs to predict; at least one should produce a prediction so the output checks bite. */
  samples: PredictorContractSample[];
  /** Name of the describe block; defaults to `predictor contract: <id>`. */
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

function expectWellFormed(result: PredictionResult, input: PredictionInput, predictorId: string): void {
  expect(Array.isArray(result.predictions), 'result.predictions is an array').toBe(true);
  const askedKeys = new Set(input.fields.map((field) => field.key));
  const seen = new Set<string>();
  for (const prediction of result.predictions) {
    expect(askedKeys.has(prediction.field), `prediction for "${prediction.field}", which was not asked`).toBe(true);
    expect(seen.has(prediction.field), `more than one prediction for "${prediction.field}"`).toBe(false);
    seen.add(prediction.field);
    expect(Number.isFinite(prediction.confidence), `confidence of "${prediction.field}" is a finite number`).toBe(true);
    expect(prediction.confidence).toBeGreaterThanOrEqual(0);
    expect(prediction.confidence).toBeLessThanOrEqual(1);
    expect(prediction.predictor.id, 'prediction names the predictor id').toBe(predictorId);
    expect(typeof prediction.predictor.version === 'string' && prediction.predictor.version.length > 0, 'prediction names a version').toBe(true);
    expect(['string', 'number', 'boolean'].includes(typeof prediction.value) || prediction.value === null, `value of "${prediction.field}" is a field value`).toBe(true);
    expect(Array.isArray(prediction.evidence), 'evidence is an array').toBe(true);
    for (const evidence of prediction.evidence) {
      expect(evidence.quote.length, `evidence quote of "${prediction.field}" is not empty`).toBeGreaterThan(0);
      const sources = evidence.messageId === undefined ? input.messages : input.messages.filter((message) => message.id === evidence.messageId);
      expect(sources.length, `evidence of "${prediction.field}" names message "${evidence.messageId}", which is in the input`).toBeGreaterThan(0);
      const verbatim = sources.some((message) => message.text.includes(evidence.quote));
      expect(verbatim, `evidence quote ${JSON.stringify(evidence.quote)} of "${prediction.field}" is verbatim in the input`).toBe(true);
    }
  }
}

/**
 * The contract every predictor plugin must honour, as a vitest suite. Call it at the top
 * level of a test file:
 *
 * ```ts
 * runPredictorContract({ predictor: myPredictor, config: { … }, samples: [{ fields, messages, context: {}, channel: 'chat' }] });
 * ```
 */
export function runPredictorContract<Config>(options: PredictorContractOptions<Config>): void {
  const { predictor, samples } = options;
  const context = () => options.context ?? silentContext();
  const createInstance = async (): Promise<PredictorInstance> => predictor.create(predictor.configSchema.parse(options.config), context());

  describe(options.name ?? `predictor contract: ${predictor.id}`, () => {
    it('declares specification v1 and a stable id', () => {
      expect(predictor.specificationVersion).toBe('v1');
      expect(predictor.id).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
    });

    it('accepts its valid configuration and rejects invalid ones', () => {
      expect(predictor.configSchema.safeParse(options.config).success, 'the valid config passes configSchema').toBe(true);
      for (const invalid of [null, 42, ...(options.invalidConfigs ?? [])]) {
        expect(predictor.configSchema.safeParse(invalid).success, `config ${JSON.stringify(invalid)} is rejected`).toBe(false);
      }
    });

    it('creates an instance with a version', async () => {
      const instance = await createInstance();
      expect(typeof instance.doPredict).toBe('function');
      expect(typeof instance.version === 'string' && instance.version.length > 0, 'instance.version is a non-empty string').toBe(true);
    });

    it('needs at least one sample', () => {
      expect(samples.length).toBeGreaterThan(0);
    });

    samples.forEach((sample, index) => {
      it(`answers sample ${index + 1} with well-formed predictions for the asked fields only`, async () => {
        const instance = await createInstance();
        const input: PredictionInput = { ...sample, signal: new AbortController().signal };
        expectWellFormed(await instance.doPredict(input), input, predictor.id);
        const [firstField] = sample.fields;
        if (firstField) {
          const narrowed: PredictionInput = { ...input, fields: [firstField] };
          const narrowedResult = await instance.doPredict(narrowed);
          expectWellFormed(narrowedResult, narrowed, predictor.id);
        }
        const noFields: PredictionInput = { ...input, fields: [] };
        expect((await instance.doPredict(noFields)).predictions).toEqual([]);
      });
    });

    it('abstains deterministically on empty input', async () => {
      const instance = await createInstance();
      const fields = samples.flatMap((sample) => sample.fields);
      const uniqueFields = fields.filter((field, index) => fields.findIndex((other) => other.key === field.key) === index);
      const empty: PredictionInput = { fields: uniqueFields, messages: [], context: {}, channel: samples[0]?.channel ?? 'chat' };
      const first = await instance.doPredict(empty);
      const second = await instance.doPredict(empty);
      expect(first.predictions).toEqual([]);
      expect(second.predictions).toEqual(first.predictions);
    });

    it('honours an aborted signal', async () => {
      const instance = await createInstance();
      const controller = new AbortController();
      controller.abort(new Error('caller gave up'));
      const [sample] = samples;
      if (!sample) throw new Error('runPredictorContract needs at least one sample');
      await expect(instance.doPredict({ ...sample, signal: controller.signal })).rejects.toBeDefined();
    });
  });
}
