/** `npm run cli -- <command>`: operator commands (see src/cli/). */
import type { CliIo } from './cli/commands.js';
import { runCli } from './cli/run-cli.js';

const io: CliIo = { out: (text) => console.log(text), err: (text) => console.error(text) };
runCli(process.argv.slice(2), io).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
