import type { Command } from './dispatch-command.js';

type VerifyModule = typeof import('./verify-command.js');

/**
 * The engine's commands: what the inside-mode bundle runs in a target, and what `goverity` runs without the harness.
 * The caller says how verify-command arrives: `goverity` imports it when a command runs, so `--help` and `--version`
 * start without the engine; the bundle imports it up front, since a lazy import makes esbuild wrap every module it
 * reaches (+80 KiB).
 */
export function engineCommands(loadVerify: () => Promise<VerifyModule> | VerifyModule): Readonly<Record<string, Command>> {
  return {
    verify: async (args) => (await loadVerify()).verifyCommand('verify', args),
    snapshot: async (args) => (await loadVerify()).verifyCommand('snapshot', args),
    inspect: async (args) => (await import('./inspect-command.js')).inspectCommand(args),
  };
}
