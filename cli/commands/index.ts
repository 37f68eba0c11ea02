/**
 * The command table. A new command (alert rules from thresholds, incident analysis) is one module under
 * cli/commands/ and one line here; `infradrift --help` lists the table.
 */
import { analyzeCommand } from './analyze';
import type { Command } from './command';
import { incidentCommand } from './incident';
import { rulesCommand } from './rules';

export const COMMANDS: ReadonlyMap<string, Command> = new Map(
  [analyzeCommand, incidentCommand, rulesCommand].map((c) => [c.name, c])
);

/** `infradrift [options] [INPUT]` without a command name runs this one. */
export const DEFAULT_COMMAND: Command = analyzeCommand;
