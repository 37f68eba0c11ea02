/**
 * Live simulator for the demo.
 *
 *   tsx simulator/server/main.ts backfill --out FILE [options]   history before the anchor, OpenMetrics
 *   tsx simulator/server/main.ts serve [--port 9464] [options]    /metrics, /healthz, /incidents
 *
 * Both commands must agree on the anchor (end of history, start of live): pass the same `--anchor`,
 * or the same `--anchor-file` (created with the current time by whichever command runs first, read
 * by the other; docker compose shares it through a volume).
 */
import fs from 'node:fs';
import path from 'node:path';
import { isScenarioChoice, SCENARIO_CHOICES, ScenarioChoice } from '../scenarios';
import { DEFAULTS } from '../simulate';
import { writeBackfill } from './backfill';
import { startLiveServer } from './server';
import { DEMO_DEFAULTS, demoTimeline, DemoTimelineOptions } from './timeline';

const HELP = `InfraDrift demo simulator

Usage: tsx simulator/server/main.ts backfill --out FILE [options]
       tsx simulator/server/main.ts serve [options]

  --anchor T          end of history / start of live: ISO 8601, ms since epoch or "now" (default now)
  --anchor-file F     read the anchor from F (JSON) if it exists, else write it there
  --history-hours H   hours of scenarios before the anchor (default ${DEMO_DEFAULTS.historyHours}; plus ${DEMO_DEFAULTS.leadHours} h healthy before them)
  --cycle-minutes M   length of one live cycle of scenarios (default ${DEMO_DEFAULTS.cycleMinutes})
  --scenario NAME     what the live cycles replay: ${SCENARIO_CHOICES.join(' | ')} (default all)
  --seed N            seed (default ${DEFAULTS.seed})
  --out FILE          backfill: OpenMetrics output file
  --port P            serve: port (default 9464, 0 = any free port)
  --host H            serve: address to listen on (default 127.0.0.1; 0.0.0.0 in a container)
  --speed S           serve: simulated seconds per wall second (default 1)
`;

interface Args {
  command: 'backfill' | 'serve';
  anchor?: string;
  anchorFile?: string;
  historyHours: number;
  cycleMinutes: number;
  scenario: ScenarioChoice;
  seed: number;
  out?: string;
  port: number;
  host: string;
  speed: number;
}

function fail(message: string): never {
  process.stderr.write(`simulator: ${message}\n\n${HELP}`);
  process.exit(2);
}

function positive(flag: string, v: string | undefined): number {
  const x = Number(v);
  if (v === undefined || !Number.isFinite(x) || x < 0) {
    fail(`${flag} needs a non-negative number, got ${v}`);
  }
  return x;
}

export function parseArgs(argv: readonly string[]): Args {
  const [command, ...rest] = argv;
  if (command !== 'backfill' && command !== 'serve') {
    fail(command === undefined || command === '--help' ? 'choose a command' : `unknown command ${command}`);
  }
  const a: Args = {
    command,
    historyHours: DEMO_DEFAULTS.historyHours,
    cycleMinutes: DEMO_DEFAULTS.cycleMinutes,
    scenario: DEMO_DEFAULTS.liveScenario,
    seed: DEFAULTS.seed,
    port: 9464,
    host: '127.0.0.1',
    speed: 1,
  };
  for (let i = 0; i < rest.length; i++) {
    const [flag, inline] = rest[i].split(/=(.*)/s, 2);
    const value = () => inline ?? rest[++i];
    switch (flag) {
      case '--anchor':
        a.anchor = value();
        break;
      case '--anchor-file':
        a.anchorFile = value();
        break;
      case '--history-hours':
        a.historyHours = positive(flag, value());
        break;
      case '--cycle-minutes':
        a.cycleMinutes = positive(flag, value());
        break;
      case '--scenario': {
        const v = value();
        if (!isScenarioChoice(v)) {
          fail(`unknown scenario ${v}`);
        }
        a.scenario = v;
        break;
      }
      case '--seed':
        a.seed = positive(flag, value());
        break;
      case '--out':
        a.out = value();
        break;
      case '--port':
        a.port = positive(flag, value());
        break;
      case '--host':
        a.host = value();
        break;
      case '--speed':
        a.speed = positive(flag, value());
        break;
      default:
        fail(`unknown option ${rest[i]}`);
    }
  }
  if (a.command === 'backfill' && !a.out) {
    fail('backfill needs --out FILE');
  }
  if (a.historyHours <= 0 || a.cycleMinutes <= 0 || a.speed <= 0) {
    fail('--history-hours, --cycle-minutes and --speed must be > 0');
  }
  return a;
}

function parseTime(v: string, now: number): number {
  const t = v === 'now' ? now : /^\d+$/.test(v) ? Number(v) : Date.parse(v);
  if (!Number.isFinite(t)) {
    fail(`--anchor needs an ISO time, ms or "now", got ${v}`);
  }
  return t;
}

/** The anchor both commands agree on: the file's if it exists, else the flag's (or now), saved to the file. */
export function resolveAnchor(a: Pick<Args, 'anchor' | 'anchorFile'>, now = Date.now()): number {
  if (a.anchorFile && fs.existsSync(a.anchorFile)) {
    const saved = JSON.parse(fs.readFileSync(a.anchorFile, 'utf8')) as { anchor?: unknown };
    if (typeof saved.anchor !== 'number') {
      fail(`${a.anchorFile} has no numeric "anchor"`);
    }
    return saved.anchor;
  }
  const anchor = parseTime(a.anchor ?? 'now', now);
  if (a.anchorFile) {
    fs.mkdirSync(path.dirname(a.anchorFile), { recursive: true });
    fs.writeFileSync(a.anchorFile, JSON.stringify({ anchor, iso: new Date(anchor).toISOString() }) + '\n');
  }
  return anchor;
}

export function timelineOptions(a: Args, anchor: number): DemoTimelineOptions {
  return { anchor, historyHours: a.historyHours, cycleMinutes: a.cycleMinutes, liveScenario: a.scenario, seed: a.seed };
}

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2));
  const timeline = demoTimeline(timelineOptions(a, resolveAnchor(a)));
  if (a.command === 'backfill') {
    const out = fs.createWriteStream(a.out!);
    const { bytes, steps } = await writeBackfill(timeline, out);
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    process.stderr.write(
      `simulator: backfill ${steps} steps ${new Date(timeline.start).toISOString()} .. ${new Date(timeline.anchor).toISOString()}, ` +
        `${(bytes / 1e6).toFixed(1)} MB to ${a.out}\n`
    );
    return;
  }
  const server = await startLiveServer({ timeline, speed: a.speed, port: a.port, host: a.host });
  process.stdout.write(
    `simulator: live from ${new Date(timeline.anchor).toISOString()} at ${a.speed}x, ${server.url}metrics\n`
  );
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`simulator: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
