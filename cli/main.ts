/**
 * infradrift CLI entry: picks the command (`infradrift <command> ...`, or the default `analyze` when the first
 * argument is not a command name) and turns what escapes it into an exit code. cli/bin.js launches it;
 * `npm run build:cli` bundles it to cli/dist/infradrift.js. Usage: `--help`, docs/cli.md.
 */
import { analyze } from '../src/stats';
import type { Engine } from './commands/command';
import { COMMANDS, DEFAULT_COMMAND } from './commands';
import { BadInputError, EXIT, EXIT_CODES_HELP, type ExitCode } from './exitCodes';
import { nodeIO, type CliIO } from './io';

const commandList = [...COMMANDS.values()].map((c) => `  ${c.name.padEnd(10)}${c.summary}`).join('\n');

export const HELP = `infradrift - correlation engine of InfraDrift (infrastructure vs data drift)

Usage:
  infradrift [options] [INPUT]        runs the default command, ${DEFAULT_COMMAND.name}
  infradrift <command> [options]
  infradrift <command> --help         help of one command
  (from a source checkout: npm run infradrift -- [options])

Commands:
${commandList}

Options of ${DEFAULT_COMMAND.name}:
${DEFAULT_COMMAND.optionsHelp}
${EXIT_CODES_HELP}`;

const engine: Engine = { analyze };

/** Runs the CLI; resolves to the exit code. Never rejects. */
export async function main(argv: string[], io: CliIO = nodeIO, eng: Engine = engine): Promise<ExitCode> {
  const named = COMMANDS.get(argv[0] ?? '');
  const command = named ?? DEFAULT_COMMAND;
  try {
    return await command.run(named ? argv.slice(1) : argv, { io, engine: eng, help: named ? named.help : HELP });
  } catch (e) {
    if (e instanceof BadInputError) {
      io.stderr(`infradrift: ${e.message}\n`);
      return EXIT.BAD_INPUT;
    }
    io.stderr(
      `infradrift: internal error (please report it with the input): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`
    );
    return EXIT.INTERNAL;
  }
}

/** Process entry (cli/bin.js, the bundle, `tsx cli/main.ts`). */
export async function run(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2));
}

if (require.main === module) {
  void run();
}
