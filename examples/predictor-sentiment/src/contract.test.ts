import { runPredictorContract } from '@autocase/core/testing';
import type { FieldDefinition } from '@autocase/core';
import sentimentPredictor from './index.js';

const sentimentField: FieldDefinition = {
  key: 'sentiment', label: 'Sentiment', type: 'choice', description: 'How the customer feels', requiredForCreation: false,
  fillOn: ['chatCreation', 'emailCreation', 'updates'], predictors: ['sentiment'], threshold: 0.6,
  options: [
    { value: 'negative', description: 'unhappy, angry, disappointed' },
    { value: 'neutral', description: '' },
    { value: 'positive', description: 'pleased, thankful' },
  ],
};

runPredictorContract({
  predictor: sentimentPredictor,
  config: { field: 'sentiment' },
  invalidConfigs: [{ field: '' }, { saturation: 0 }],
  samples: [
    {
      fields: [sentimentField], context: {}, channel: 'chat',
      messages: [
        { id: 'c1', author: 'customer', text: 'My parcel never arrived and this is the worst experience ever.' },
        { id: 'a1', author: 'agent', text: 'I am sorry to hear that, let me check.' },
      ],
    },
    {
      fields: [sentimentField], context: {}, channel: 'email',
      messages: [{ id: 'e1', author: 'customer', text: 'Thanks, the replacement works perfectly. Great support!' }],
    },
  ],
});
