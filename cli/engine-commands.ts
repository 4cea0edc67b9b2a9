import type { Command } from './dispatch-command.js';
import { verifyCommand } from './verify-command.js';

/** The engine's commands: what the inside-mode bundle runs in a target, and what `goverity` runs without the harness. */
export const ENGINE_COMMANDS: Readonly<Record<string, Command>> = {
  verify: (args) => verifyCommand('verify', args),
  snapshot: (args) => verifyCommand('snapshot', args),
  inspect: async (args) => (await import('./inspect-command.js')).inspectCommand(args),
};
