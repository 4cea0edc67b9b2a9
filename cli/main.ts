import { PACKAGE_ROOT } from '../engine/package-root.js';
import { type Command, dispatchCommand } from './dispatch-command.js';
import { engineCommands } from './engine-commands.js';
import { UsageError } from './usage-error.js';

/** Every command: the engine's, and the harness's, which load only when asked for (verify must stay light on a user's machine). */
const COMMANDS: Readonly<Record<string, Command>> = {
  ...engineCommands(() => import('./verify-command.js')),
  run: async (args) => (await import('./run-command.js')).runCommand(args, PACKAGE_ROOT),
  converge: async (args) => (await import('./converge-command.js')).convergeCommand(args, PACKAGE_ROOT),
  reproduce: async (args) => (await import('./reproduce-command.js')).reproduceCommand(args, PACKAGE_ROOT),
  results: async (args) => {
    if (args[0] !== 'merge') throw new UsageError('usage: goverity results merge DIR... --out DIR');
    return (await import('./merge-command.js')).mergeCommand(args.slice(1));
  },
};

/** The `goverity` command line (bin/goverity.js). */
export function main(argv: string[]): Promise<number> {
  return dispatchCommand(argv, COMMANDS);
}
