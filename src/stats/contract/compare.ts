/**
 * Room for the compare section of the engine contract: incident analysis, an incident window judged
 * against a baseline window of the same signals (change scores, change in correlation, a verdict).
 *
 * Nothing is defined here yet on purpose: no request or result field exists until the engine computes
 * it. When it does, its request and result types go in this file, `AnalyzeRequest` / `AnalyzeResult`
 * get an optional `compare` section (additive, contract version 1 stays), and index.ts re-exports them.
 */
export {};
