/**
 * `infradrift rules [options] [INPUT]`: a rules spec (JSON: pairs with thresholds, drift thresholds) becomes a
 * Prometheus rule file and a Grafana alerting provisioning file, through the alerting module (src/alerting,
 * docs/alerting.md). For CI/CD: the files are regenerated from a reviewed spec, never edited by hand.
 */
import * as path from 'path';
import { buildAlertRules, type AlertRequest } from '../../src/alerting';
import { RULE_FILE_NAMES } from '../../src/panels/common/alert/fileNames';
import { oneOf, parseCommandArgs } from '../args';
import { BadInputError, EXIT, EXIT_CODES_HELP, type ExitCode } from '../exitCodes';
import { inputArgument, jsonObject, readInput, type CliIO } from '../io';
import type { Command, CommandContext } from './command';

/** File names under --out-dir: the same names the panels' downloads use, as docs/cli.md lists them. */
export const RULE_FILES = { prometheus: RULE_FILE_NAMES.prometheus, grafana: RULE_FILE_NAMES.grafana } as const;

type Which = keyof typeof RULE_FILES;

const OPTIONS_HELP = `Input:
  INPUT, --input FILE|-   rules spec (JSON), or - for stdin (default -): the datasource (uid of the
                          Prometheus data source in Grafana) and a list of rules, each a threshold on a
                          pair's Pearson r ({"type": "correlation", "a", "b", "windowSeconds", ...}) or
                          on a histogram's drift ({"type": "drift", "signal", ...}). Example:
                          cli/examples/rules.json; fields: docs/cli.md and docs/alerting.md
  --datasource-uid UID    overrides the spec's datasource.uid
  --folder NAME           overrides the spec's Grafana folder (default InfraDrift)

Output:
  --out-dir DIR           write ${RULE_FILES.prometheus} (Prometheus rule file) and
                          ${RULE_FILES.grafana} (Grafana provisioning) into DIR (it must exist)
                          default: both to stdout, each after a "# ==> NAME <==" line
  --only prometheus|grafana   only that file (to stdout it is then a plain YAML document,
                          ready for "promtool check rules /dev/stdin" or a provisioning folder)

  -h, --help              this help
`;

const HELP = `infradrift rules - Prometheus alerting rules and Grafana alert rules from correlation and drift thresholds

Usage:
  infradrift rules [options] [INPUT]

Spearman and Kendall are refused (PromQL cannot rank a window): use Pearson on the same pair.
Notes on what a rule computes differently from the analysis go to stderr.

${OPTIONS_HELP}
${EXIT_CODES_HELP}`;

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  input: { type: 'string' },
  'datasource-uid': { type: 'string' },
  folder: { type: 'string' },
  'out-dir': { type: 'string' },
  only: { type: 'string' },
} as const;

function parseOptions(argv: string[]) {
  const { values: v, positionals } = parseCommandArgs(argv, OPTIONS);
  const input = inputArgument(v.input, positionals);
  for (const flag of ['datasource-uid', 'folder', 'out-dir'] as const) {
    if (v[flag] !== undefined && v[flag]!.trim() === '') {
      throw new BadInputError(`--${flag} needs a value`);
    }
  }
  return {
    help: v.help === true,
    input,
    datasourceUid: v['datasource-uid'],
    folder: v.folder,
    outDir: v['out-dir'],
    only: oneOf(v.only, ['prometheus', 'grafana'] as const, '--only'),
  };
}

type RulesOptions = ReturnType<typeof parseOptions>;

function readSpec(o: RulesOptions, io: CliIO): AlertRequest {
  const request = jsonObject(
    readInput(o.input, io),
    o.input,
    '{"datasource": {"uid": ...}, "rules": [...]} (docs/cli.md)'
  ) as unknown as AlertRequest;
  return {
    ...request,
    ...(o.datasourceUid !== undefined ? { datasource: { ...request.datasource, uid: o.datasourceUid } } : {}),
    ...(o.folder !== undefined ? { folder: o.folder } : {}),
  };
}

function write(io: CliIO, file: string, text: string): void {
  try {
    io.writeFile(file, text);
  } catch (e) {
    throw new BadInputError(`cannot write output '${file}': ${(e as Error).message}`);
  }
}

function run(argv: string[], { io, help }: CommandContext): ExitCode {
  const o = parseOptions(argv);
  if (o.help) {
    io.stdout(help);
    return EXIT.OK;
  }
  const built = buildAlertRules(readSpec(o, io));
  if (!built.ok) {
    const lines = built.problems.map(
      (p) => `infradrift: ${p.message}${p.suggestion ? `\n  instead: ${p.suggestion}` : ''}\n`
    );
    throw new BadInputError(`the rules spec cannot become rules:\n${lines.join('')}`.trimEnd());
  }
  built.notices.forEach((n) => io.stderr(`infradrift: note: ${n}\n`));
  const files: Record<Which, string> = { prometheus: built.prometheusRuleFile, grafana: built.grafanaProvisioning };
  const chosen: Which[] = o.only ? [o.only] : ['prometheus', 'grafana'];
  if (o.outDir) {
    for (const which of chosen) {
      write(io, path.join(o.outDir, RULE_FILES[which]), files[which]);
    }
    io.stderr(
      `infradrift: wrote ${chosen.map((w) => path.join(o.outDir!, RULE_FILES[w])).join(' and ')} (${built.alerts.length} rule${built.alerts.length === 1 ? '' : 's'})\n`
    );
  } else if (o.only) {
    io.stdout(files[o.only]);
  } else {
    io.stdout(chosen.map((w) => `# ==> ${RULE_FILES[w]} <==\n${files[w]}`).join('\n'));
  }
  return EXIT.OK;
}

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'Prometheus and Grafana alert rules from correlation and drift thresholds (for CI/CD)',
  help: HELP,
  optionsHelp: OPTIONS_HELP,
  run,
};
