/** Public surface of the statistics engine (pure TypeScript; safe in a Web Worker, Node and tests). */
export { analyze } from './analyze';
export * from './contract';
export { pairStats, type PairStats } from './pairStats';
