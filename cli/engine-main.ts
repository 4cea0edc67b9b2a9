import { dispatchCommand } from './dispatch-command.js';
import { engineCommands } from './engine-commands.js';
import * as verifyModule from './verify-command.js';

const BUNDLED_COMMANDS = engineCommands(() => verifyModule);

/**
 * The inside-mode engine's command line: scripts/bundle-engine.mjs bundles it into dist/bundle/goverity.mjs, which
 * runs in a target with a bare `node`. verify, snapshot, inspect, help and --version, parsed and explained as
 * `goverity` does (the same help texts); it imports nothing from the harness, so nothing needs stubbing out.
 */
export function engineMain(argv: string[]): Promise<number> {
  return dispatchCommand(
    argv,
    BUNDLED_COMMANDS,
    (command) => `the bundled engine has ${Object.keys(BUNDLED_COMMANDS).join(', ')} only; "${command}" needs the goverity package`,
  );
}
