export * from './dovecot.js';
