/** What a command of the CLI is: the table in ./index.ts lists them, cli/main.ts dispatches to them. */
import type { AnalyzeResult } from '../../src/stats';
import type { ExitCode } from '../exitCodes';
import type { CliIO } from '../io';

/** The engine as the commands see it (a seam for test doubles). */
export interface Engine {
  analyze: (request: unknown) => AnalyzeResult;
}

export interface CommandContext {
  io: CliIO;
  engine: Engine;
  /** Text for --help: the command's own, or the tool's when the command runs as the default one. */
  help: string;
}

export interface Command {
  name: string;
  /** One line for the tool's command list. */
  summary: string;
  /** Full help of the command (usage, options). */
  help: string;
  /** Its options alone: the tool's help shows those of the default command. */
  optionsHelp: string;
  /** Runs with the arguments after the command name; BadInputError means exit 2, any other throw exit 3. */
  run: (argv: string[], ctx: CommandContext) => ExitCode | Promise<ExitCode>;
}
