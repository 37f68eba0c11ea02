/** Names of the downloaded files, the same as the CLI writes (cli/commands/rules.ts) so both paths match the docs. */
export const RULE_FILE_NAMES = {
  prometheus: 'infradrift-rules.yml',
  grafana: 'infradrift-grafana-alerting.yaml',
  promql: 'infradrift-r.promql',
} as const;
