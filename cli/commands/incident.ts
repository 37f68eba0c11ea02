/**
 * `infradrift incident [options] [INPUT]`: an incident window judged against a baseline (the engine's compare
 * section, docs/engine.md "Compare"). Writes the whole result JSON, says one line per target verdict on stderr,
 * and exits 1 when a target's verdict is one a pipeline gates on (--fail-on, default infrastructure).
 */
import type { AnalyzeRequest, AnalyzeResult, CompareBaseline, CompareRequest, VerdictKind } from '../../src/stats';
import { parseCommandArgs } from '../args';
import { BadInputError, EXIT, exitCodesHelp, type ExitCode } from '../exitCodes';
import { parseNumber } from '../parseNumber';
import {
  readRequest,
  reportRefusal,
  REQUEST_INPUT_HELP,
  REQUEST_INPUT_OPTIONS,
  requestInput,
  writeResult,
} from '../requestInput';
import { parseTimeCell } from '../timestamps';
import { resultText } from './analyze';
import type { Command, CommandContext } from './command';

const DAY_MS = 86_400_000;

/** Verdict kinds as flags spell them: the contract's words, or with a dash instead of the space. */
const VERDICT_FLAGS: ReadonlyMap<string, VerdictKind> = new Map<string, VerdictKind>([
  ['infrastructure', 'infrastructure'],
  ['data drift', 'data drift'],
  ['data-drift', 'data drift'],
  ['confounded', 'confounded'],
  ['inconclusive', 'inconclusive'],
  ['no change', 'no change'],
  ['no-change', 'no change'],
]);

const OPTIONS_HELP = `Input (as for analyze):
${REQUEST_INPUT_HELP}
Compare (override the request's compare section):
  --incident FROM,TO      the incident window (FROM, TO]: ms since the epoch or ISO 8601
                          (2026-01-01T10:00:00Z; without a zone read as UTC). Required
                          unless the JSON request has compare.incident
  --baseline B            what the incident is compared with (default preceding:4):
                            preceding[:K]   the K-times-longer window just before it
                            1d | 7d         the same window one day / one week earlier
                            fixed:FROM,TO   a fixed window (FROM, TO]
                          the baseline must not overlap the incident
  --target ID             a model signal to judge (drift score, accuracy, conversion, ...);
                          repeatable or a comma list. Required unless the JSON request
                          has compare.targets
  --control ID            partialled out before a link counts (e.g. request rate);
                          repeatable or a comma list. Default: the request's partial.controls
  --infra ID              signals that may be named as infrastructure; repeatable or a
                          comma list. Default: every signal neither a target nor a control
  --max-lag N             lead/lag inside the incident over -N..N steps
                          (default min(10, incident points / 4))
  --alpha X               level for "changed", "moves with" and "leads" (default 0.05)
  The correlation matrix of the whole range is switched off (compare computes its own
  baseline and incident matrices) unless the JSON request has a correlation section.

Output:
  --output FILE           write the result JSON there (default stdout): the whole analysis
                          result, its "compare" section holding the signals that changed,
                          each target's links and its verdict with the evidence
  --pretty                indent the JSON
  stderr gets one line per target, "<target>: <verdict>: <sentence>", then the caution
  that correlation is not causation

Gate:
  --fail-on KIND[,KIND]   exit 1 when a target's verdict is one of these: infrastructure,
                          data-drift, confounded, inconclusive, no-change
                          (default infrastructure)

  -h, --help              this help
`;

const HELP = `infradrift incident - compare an incident window with a baseline: what changed, what moves
with each model signal, who leads, and a verdict per model signal (infrastructure, data drift,
confounded, inconclusive, no change). Links say "moves with" or "leads", never "causes".

Usage:
  infradrift incident --incident FROM,TO --target ID [options] [INPUT]

Examples:
  infradrift incident metrics.csv --incident 2026-01-01T10:00Z,2026-01-01T10:30Z \\
      --target model_drift --control request_rate --baseline 1d
  infradrift incident request.json --fail-on infrastructure,confounded --pretty

${OPTIONS_HELP}
${exitCodesHelp(
  'no target has a verdict named by --fail-on',
  "a target's verdict is one of --fail-on (default infrastructure)",
  'no --incident or --target, a window with FROM >= TO, a baseline that overlaps the\n     incident, a target, control or infrastructure id that is not a series, a target\n     without a verdict in the result (the engine says why on stderr)'
)}`;

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  ...REQUEST_INPUT_OPTIONS,
  incident: { type: 'string' },
  baseline: { type: 'string' },
  target: { type: 'string', multiple: true },
  control: { type: 'string', multiple: true },
  infra: { type: 'string', multiple: true },
  'max-lag': { type: 'string' },
  alpha: { type: 'string' },
  output: { type: 'string' },
  pretty: { type: 'boolean' },
  'fail-on': { type: 'string' },
} as const;

/** One time of a window: ms since the epoch or ISO 8601 (UTC without a zone). */
function parseTime(text: string, flag: string): number {
  const t = text.trim() === '' ? null : parseTimeCell(text.trim(), 'ms', flag);
  if (t === null) {
    throw new BadInputError(`${flag}: '${text}' is not a time (ms since the epoch or ISO 8601)`);
  }
  return t;
}

/** `FROM,TO` -> the half-open window (from, to]. */
export function parseWindow(text: string, flag: string): { from: number; to: number } {
  const parts = text.split(',');
  if (parts.length !== 2) {
    throw new BadInputError(`${flag} must be FROM,TO (ms or ISO 8601), got '${text}'`);
  }
  const [from, to] = parts.map((p) => parseTime(p, flag));
  if (!(from < to)) {
    throw new BadInputError(`${flag}: FROM must be before TO, got '${text}'`);
  }
  return { from, to };
}

/** `preceding[:K]`, `1d`, `7d` or `fixed:FROM,TO`. */
export function parseBaseline(text: string): CompareBaseline {
  if (text === '1d' || text === '7d') {
    return { kind: 'shifted', shift: text };
  }
  if (text === 'preceding') {
    return { kind: 'preceding' };
  }
  if (text.startsWith('preceding:')) {
    const factor = parseNumber(text.slice('preceding:'.length), '--baseline preceding:K');
    if (factor <= 0) {
      throw new BadInputError(`--baseline preceding:K needs K > 0, got '${text}'`);
    }
    return { kind: 'preceding', factor };
  }
  if (text.startsWith('fixed:')) {
    return { kind: 'fixed', ...parseWindow(text.slice('fixed:'.length), '--baseline fixed:FROM,TO') };
  }
  throw new BadInputError(`--baseline must be preceding[:K], 1d, 7d or fixed:FROM,TO, got '${text}'`);
}

/** Where a shifted or fixed baseline lies; a preceding one ends where the incident starts, so it never overlaps. */
function baselineWindow(b: CompareBaseline, incident: { from: number; to: number }) {
  if (b.kind === 'fixed') {
    return { from: b.from, to: b.to };
  }
  if (b.kind === 'shifted') {
    const shift = typeof b.shift === 'number' ? b.shift : b.shift === '1d' ? DAY_MS : 7 * DAY_MS;
    return { from: incident.from - shift, to: incident.to - shift };
  }
  return null;
}

const iso = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString() : String(ms));

/** Half-open windows (a, b] and (c, d] overlap when a < d and c < b. */
function checkNoOverlap(baseline: CompareBaseline, incident: { from: number; to: number }): void {
  const w = baselineWindow(baseline, incident);
  if (w && w.from < incident.to && incident.from < w.to) {
    throw new BadInputError(
      `the baseline (${iso(w.from)}, ${iso(w.to)}] overlaps the incident (${iso(incident.from)}, ${iso(incident.to)}]: ` +
        'a baseline must be quiet time outside the incident (try --baseline preceding, 7d or another fixed window)'
    );
  }
}

/** Repeatable flags that also take comma lists: `--target a --target b,c` -> [a, b, c]. */
const idList = (values: string[] | undefined) =>
  values
    ?.flatMap((v) => v.split(','))
    .map((s) => s.trim())
    .filter((s) => s !== '');

function parseFailOn(text: string | undefined): Set<VerdictKind> {
  const kinds = (text ?? 'infrastructure').split(',').map((s) => s.trim());
  return new Set(
    kinds.map((k) => {
      const kind = VERDICT_FLAGS.get(k);
      if (!kind) {
        throw new BadInputError(
          `--fail-on takes infrastructure, data-drift, confounded, inconclusive or no-change, got '${k}'`
        );
      }
      return kind;
    })
  );
}

export function parseOptions(argv: string[]) {
  const { values: v, positionals } = parseCommandArgs(argv, OPTIONS);
  const maxLag = v['max-lag'] === undefined ? undefined : parseNumber(v['max-lag'], '--max-lag');
  if (maxLag !== undefined && !(Number.isInteger(maxLag) && maxLag >= 0)) {
    throw new BadInputError(`--max-lag needs a whole number of steps >= 0, got '${v['max-lag']}'`);
  }
  const alpha = v.alpha === undefined ? undefined : parseNumber(v.alpha, '--alpha');
  if (alpha !== undefined && !(alpha > 0 && alpha < 1)) {
    throw new BadInputError(`--alpha must lie between 0 and 1, got '${v.alpha}'`);
  }
  return {
    help: v.help === true,
    ...requestInput(v, positionals),
    incident: v.incident === undefined ? undefined : parseWindow(v.incident, '--incident'),
    baseline: v.baseline === undefined ? undefined : parseBaseline(v.baseline),
    targets: idList(v.target),
    controls: idList(v.control),
    infrastructure: idList(v.infra),
    maxLag,
    alpha,
    output: v.output,
    pretty: v.pretty === true,
    failOn: parseFailOn(v['fail-on']),
  };
}

type IncidentOptions = ReturnType<typeof parseOptions>;

/** Ids the flags name must be series of the request (drift series appended by the engine are checked after it). */
function checkKnown(request: AnalyzeRequest, c: CompareRequest): void {
  if (request.drift?.correlate || !Array.isArray(request.series)) {
    return;
  }
  const known = new Set(request.series.map((s) => s?.id));
  const named: Array<[string, string[] | undefined]> = [
    ['target', c.targets],
    ['control', c.controls],
    ['infrastructure signal', c.infrastructure],
  ];
  for (const [what, ids] of named) {
    const unknown = (ids ?? []).filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new BadInputError(
        `unknown ${what} ${unknown.map((id) => `'${id}'`).join(', ')} (series: ${[...known].join(', ') || 'none'})`
      );
    }
  }
  const both = c.targets.filter((id) => c.controls?.includes(id));
  if (both.length > 0) {
    throw new BadInputError(`${both.map((id) => `'${id}'`).join(', ')} cannot be both a target and a control`);
  }
}

/** The request's compare section with the flags applied, checked before the engine runs. */
export function compareRequest(request: AnalyzeRequest, o: IncidentOptions): CompareRequest {
  const given: Partial<CompareRequest> = request.compare ?? {};
  const incident = o.incident ?? given.incident;
  if (!incident) {
    throw new BadInputError('--incident FROM,TO is required (the incident window, ms or ISO 8601)');
  }
  const targets = o.targets ?? given.targets;
  if (!targets || targets.length === 0) {
    throw new BadInputError('--target ID is required: the model signal(s) to judge (repeatable or a comma list)');
  }
  const c: CompareRequest = {
    ...given,
    incident,
    targets,
    ...(o.baseline && { baseline: o.baseline }),
    ...(o.controls && { controls: o.controls }),
    ...(o.infrastructure && { infrastructure: o.infrastructure }),
    ...(o.maxLag !== undefined && { maxLag: o.maxLag }),
    ...(o.alpha !== undefined && { alpha: o.alpha }),
  };
  checkNoOverlap(c.baseline ?? { kind: 'preceding' }, incident);
  checkKnown(request, c);
  return c;
}

/**
 * One stderr line per verdict, then the exit code: 1 when a verdict is one of `failOn`; 2 when the result
 * has no verdict for a target (never a pass: a renamed series must not turn a pipeline green).
 */
export function verdictExitCode(
  result: AnalyzeResult,
  targets: string[],
  failOn: ReadonlySet<VerdictKind>,
  stderr: (text: string) => void
): ExitCode {
  const compare = result.compare;
  const verdicts = compare?.verdicts ?? [];
  verdicts.forEach((v) => stderr(`${v.target}: ${v.kind}: ${v.sentence}\n`));
  if (compare && verdicts.length > 0) {
    stderr(`${compare.caution}\n`);
  }
  const missing = targets.filter((t) => !verdicts.some((v) => v.target === t));
  if (missing.length > 0) {
    const why = result.warnings.map((w) => `\n  ${w.code}: ${w.message}`).join('');
    stderr(
      `infradrift: no verdict for ${missing.map((t) => `'${t}'`).join(', ')}` +
        (compare ? '' : ' (the result has no compare section)') +
        (why ? `; the engine says:${why}` : '') +
        '\n'
    );
    return EXIT.BAD_INPUT;
  }
  const failed = verdicts.filter((v) => failOn.has(v.kind));
  failed.forEach((v) => stderr(`infradrift: --fail-on: '${v.target}' is ${v.kind}\n`));
  return failed.length > 0 ? EXIT.GATE_CROSSED : EXIT.OK;
}

function run(argv: string[], { io, engine, help }: CommandContext): ExitCode {
  const o = parseOptions(argv);
  if (o.help) {
    io.stdout(help);
    return EXIT.OK;
  }
  const request = readRequest(o, io);
  const compare = compareRequest(request, o);
  const result = engine.analyze({ ...request, correlation: request.correlation ?? { enabled: false }, compare });
  writeResult(resultText(result, o.pretty), o.output, io);
  const code = reportRefusal(result, io);
  return code !== EXIT.OK ? code : verdictExitCode(result, compare.targets, o.failOn, io.stderr);
}

export const incidentCommand: Command = {
  name: 'incident',
  summary: 'an incident window against a baseline: what changed, who leads, a verdict per model signal',
  help: HELP,
  optionsHelp: OPTIONS_HELP,
  run,
};
