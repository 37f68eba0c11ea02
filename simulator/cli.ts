/**
 * npm run simulate -- --scenario NAME|all --hours 48 --step 60 --seed 1 --end <iso|now> --out FILE
 *
 * Writes OpenMetrics text for `promtool tsdb create-blocks-from openmetrics FILE DIR`.
 */
import { createWriteStream, writeFileSync } from 'node:fs';
import { writeOpenMetrics } from './export/openmetrics';
import { buildSchedule, groundTruth, isScenarioChoice, SCENARIO_CHOICES, ScenarioChoice, SCENARIOS } from './scenarios';
import { DEFAULTS, simulate } from './simulate';

const HELP = `InfraDrift incident simulator: a recommender service and its infrastructure as OpenMetrics.

Usage: npm run simulate -- [options]

  --scenario NAME   ${SCENARIO_CHOICES.join(' | ')} (default all)
  --hours H         length of the range in hours (default ${DEFAULTS.hours})
  --step S          step in seconds (default ${DEFAULTS.stepSeconds})
  --seed N          seed (default ${DEFAULTS.seed})
  --end T           last timestamp: ISO 8601 or "now" (default now; must be in the past for promtool backfill)
  --replicas N      ranker replicas (default ${DEFAULTS.replicas})
  --jitter S        scrape-like timestamp jitter in seconds (default 0 = on the grid)
  --out FILE        output file (default stdout)
  --truth FILE      also write the ground truth (JSON) to FILE
  --list            print the scenarios and their ground truth, then exit
  --help            this text

Load into Prometheus:
  promtool tsdb create-blocks-from openmetrics FILE ./data
  prometheus --storage.tsdb.path=./data --config.file=prometheus.yml
`;

interface CliOptions {
  scenario: ScenarioChoice;
  hours: number;
  step: number;
  seed: number;
  end: number;
  replicas: number;
  jitter: number;
  out?: string;
  truth?: string;
  list: boolean;
  help: boolean;
}

function fail(msg: string): never {
  process.stderr.write(`simulate: ${msg}\n\n${HELP}`);
  process.exit(2);
}

function num(flag: string, v: string | undefined, integer = false): number {
  const x = Number(v);
  if (v === undefined || !Number.isFinite(x) || x < 0 || (integer && !Number.isInteger(x))) {
    fail(`${flag} needs a non-negative ${integer ? 'integer' : 'number'}, got ${v}`);
  }
  return x;
}

export function parseArgs(argv: readonly string[], now = Date.now()): CliOptions {
  const o: CliOptions = {
    scenario: 'all',
    hours: DEFAULTS.hours,
    step: DEFAULTS.stepSeconds,
    seed: DEFAULTS.seed,
    end: now,
    replicas: DEFAULTS.replicas,
    jitter: 0,
    list: false,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--scenario': {
        const v = value();
        if (!isScenarioChoice(v)) {
          fail(`unknown scenario ${v}`);
        }
        o.scenario = v;
        break;
      }
      case '--hours':
        o.hours = num(flag, value());
        break;
      case '--step':
        o.step = num(flag, value());
        break;
      case '--seed':
        o.seed = num(flag, value(), true);
        break;
      case '--replicas':
        o.replicas = num(flag, value(), true);
        break;
      case '--jitter':
        o.jitter = num(flag, value());
        break;
      case '--end': {
        const v = value();
        const t = v === 'now' ? now : Date.parse(v);
        if (!Number.isFinite(t)) {
          fail(`--end needs an ISO time or "now", got ${v}`);
        }
        o.end = t;
        break;
      }
      case '--out':
        o.out = value();
        break;
      case '--truth':
        o.truth = value();
        break;
      case '--list':
        o.list = true;
        break;
      case '--help':
      case '-h':
        o.help = true;
        break;
      default:
        fail(`unknown option ${argv[i]}`);
    }
  }
  if (o.step <= 0 || o.hours <= 0 || o.replicas < 1) {
    fail('--step and --hours must be > 0, --replicas >= 1');
  }
  return o;
}

function listScenarios(o: CliOptions): string {
  const lines: string[] = [];
  for (const s of SCENARIOS) {
    const truth = groundTruth(s.name, buildSchedule(s.name, o.end - o.hours * 3_600_000, o.end, o.step));
    lines.push(`${s.name}: ${s.title}`, `  ${s.description}`);
    for (const inc of truth.incidents) {
      lines.push(`  incident ${new Date(inc.start).toISOString()} .. ${new Date(inc.end).toISOString()}`);
    }
    for (const t of truth.truths) {
      const sign = t.sign > 0 ? '+' : t.sign < 0 ? '-' : '0';
      const via = t.confounderId ? ` via ${t.confounderId}` : '';
      lines.push(`  [${t.kind}] ${t.causeId} -> ${t.effectId} lag ${t.lagSteps} steps, sign ${sign}${via}`);
    }
    lines.push('');
  }
  lines.push('all: every scenario above, one after another on one timeline.', 'none: healthy baseline.');
  return lines.join('\n') + '\n';
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  if (o.help) {
    process.stdout.write(HELP);
    return;
  }
  if (o.list) {
    process.stdout.write(listScenarios(o));
    return;
  }
  const started = Date.now();
  const result = simulate({
    scenario: o.scenario,
    seed: o.seed,
    stepSeconds: o.step,
    hours: o.hours,
    end: o.end,
    replicas: o.replicas,
  });
  if (o.truth) {
    writeFileSync(o.truth, JSON.stringify(result.truth, null, 2) + '\n');
  }
  const out = o.out ? createWriteStream(o.out) : process.stdout;
  const bytes = await writeOpenMetrics(result, out, { jitterSeconds: o.jitter, seed: o.seed });
  if (o.out) {
    await new Promise<void>((resolve, reject) => out.end(() => resolve()).on('error', reject));
  }
  const first = new Date(result.timestamps[0]).toISOString();
  const last = new Date(result.timestamps[result.timestamps.length - 1]).toISOString();
  process.stderr.write(
    `simulate: ${o.scenario}, ${result.timestamps.length} steps of ${o.step}s (${first} .. ${last}), ` +
      `${(bytes / 1e6).toFixed(1)} MB${o.out ? ` to ${o.out}` : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`
  );
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`simulate: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
