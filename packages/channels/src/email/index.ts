export * from './parse-email.js';
export * from './classify-email.js';
export * from './extract-new-text.js';
export * from './email-pipeline.js';
export * from './smtp-listener.js';
export * from './smtp-mailer.js';
export * from './imap-poller.js';
