import { dispatchCommand } from './dispatch-command.js';
import { ENGINE_COMMANDS } from './engine-commands.js';

/**
 * The inside-mode engine's command line: scripts/bundle-engine.mjs bundles it into dist/bundle/goverity.mjs, which
 * runs in a target with a bare `node`. verify, snapshot, inspect, help and --version, parsed and explained as
 * `goverity` does (the same help texts); it imports nothing from the harness, so nothing needs stubbing out.
 */
export function engineMain(argv: string[]): Promise<number> {
  return dispatchCommand(
    argv,
    ENGINE_COMMANDS,
    (command) => `the bundled engine has ${Object.keys(ENGINE_COMMANDS).join(', ')} only; "${command}" needs the goverity package`,
  );
}
