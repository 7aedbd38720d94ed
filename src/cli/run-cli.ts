/** Runs one operator command; `src/cli.ts` is the process entry. */
import { cliCommands, type CliIo } from './commands.js';
import './core-commands.js';
import './documents-commands.js';
import './template-commands.js';
import './register-commands.js';
import './backup-commands.js';
import { ConfigError, loadConfig, type Config } from '../config/env.js';
import { describeStartupError } from '../config/startup-errors.js';
import { createLogger } from '../config/logger.js';
import { DataDirLockedError } from '../db/lock.js';
import '../features/register.js';
import { openRuntime, type Runtime } from '../runtime.js';

function help(io: CliIo): void {
  io.out('Gebruik: npm run cli -- <opdracht>\n');
  for (const command of cliCommands) io.out(`  ${command.usage}\n      ${command.summary}`);
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const command = cliCommands
    .filter((candidate) => candidate.name.every((word, index) => argv[index] === word))
    .sort((a, b) => b.name.length - a.name.length)[0];
  if (!command) {
    if (argv.length > 0 && argv[0] !== 'help' && argv[0] !== '--help') io.err(`Onbekende opdracht: ${argv.join(' ')}\n`);
    help(io);
    return argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' ? 0 : 2;
  }
  let runtime: Runtime | null = null;
  let config: Config | null = null;
  try {
    if (command.needsDatabase) {
      config = loadConfig();
      runtime = await openRuntime(config, createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL));
    }
    return await command.run({ args: argv.slice(command.name.length), runtime, io });
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirLockedError) {
      io.err(error.message);
      return 1;
    }
    const known = config && describeStartupError(error, config);
    if (known) {
      io.err(known);
      return 1;
    }
    if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${error.message}\nGebruik: npm run cli -- ${command.usage}`);
      return 2;
    }
    throw error;
  } finally {
    await runtime?.database.close();
  }
}

