// A predictor plugin for integration tests, loaded by the real plugin loader from its path
// (AUTOCASE_PLUGINS `{ kind: 'predictor', package: <this file's path>, config }`): answers the
// configured predictions after `delayMs` (a slow LLM), or always fails with `failWith`.
import { PluginError } from '@autocase/core';
import { FakePredictorInstance } from '@autocase/core/testing';
import { z } from 'zod';

const ConfigSchema = z.object({
  delayMs: z.number().int().min(0).default(0),
  failWith: z.object({ code: z.enum(['TEMPORARY', 'RATE_LIMITED', 'TIMEOUT', 'AUTH', 'INVALID_INPUT']), message: z.string().min(1) }).optional(),
  predictions: z.array(z.object({ field: z.string().min(1), value: z.union([z.string(), z.number(), z.boolean(), z.null()]), confidence: z.number().min(0).max(1) })).default([]),
});

export const predictor = {
  specificationVersion: 'v1',
  id: 'scripted',
  displayName: 'Scripted test predictor',
  configSchema: ConfigSchema,
  create(config) {
    const instance = new FakePredictorInstance({ id: 'scripted', answer: config.predictions, delayMs: config.delayMs });
    if (config.failWith) instance.failWith(new PluginError(config.failWith.code, config.failWith.message));
    return instance;
  },
};

