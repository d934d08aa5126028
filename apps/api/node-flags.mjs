// Node/V8 flags the API runs with (scripts/start.mjs, `pnpm --filter @autocase/api start`, the
// benchmarks). A small young generation: V8 sizes it by the machine's memory (64 MB on a large
// machine), which alone is a fifth of the API's memory; 8 MB costs a little more frequent,
// shorter scavenges.
export const API_NODE_FLAGS = ['--max-semi-space-size=8'];
