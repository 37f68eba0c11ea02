/**
 * The request/result contract of the InfraDrift statistics engine (`analyze`), one file per concern:
 * request.ts (what analyze accepts), result.ts (what it returns), warnings.ts (coded warnings),
 * drift.ts (the drift section), compare.ts (an incident against a baseline, and verdicts).
 *
 * Outside src/stats, import these types from the engine's public surface (src/stats/index.ts).
 */
export * from './request';
export * from './result';
export * from './warnings';
export * from './drift';
export * from './compare';
