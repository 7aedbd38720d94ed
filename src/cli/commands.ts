/**
 * Operator commands for `npm run cli -- <command>`. Each capability adds its own
 * commands to this registry (e.g. `template import`, `documents generate`).
 */
import type { Runtime } from '../runtime.js';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface CliCommand {
  /** Words that select the command, e.g. ['template', 'import']. */
  name: string[];
  summary: string;
  usage: string;
  /** Whether the command needs the database (most do; `template validate` does not). */
  needsDatabase: boolean;
  run(options: { args: string[]; runtime: Runtime | null; io: CliIo }): Promise<number>;
}

export const cliCommands: CliCommand[] = [];

export function registerCliCommand(command: CliCommand): void {
  cliCommands.push(command);
}
