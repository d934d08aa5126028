// @autocase/core/testing — fakes, in-memory ports and contract suites for hosts and plugin authors.
export * from './builders.js';
