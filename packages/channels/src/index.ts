export * from './email/index.js';
