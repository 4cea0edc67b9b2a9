import { toolVersion } from '../engine/tool-version.js';
import { TargetError } from '../engine/transport/target-error.js';
import { COMMAND_HELP, COMMANDS, GENERAL_HELP } from './command-help.js';
import { didYouMean } from './did-you-mean.js';
import { EXIT } from './exit-status.js';
import { UsageError } from './usage-error.js';

/** One command: the arguments after its word, and the exit status it ends with. */
export type Command = (args: string[]) => Promise<number>;

/**
 * What every goverity entry does with its argv: --version, the help (`help CMD` and `CMD --help` alike), then
 * the command, whose usage and target errors become one line on stderr and exit 2. `commands` is what this
 * entry can run; a command of goverity's that it lacks gets `missing(command)` as its one line.
 */
export async function dispatchCommand(
  argv: string[],
  commands: Readonly<Record<string, Command>>,
  missing: (command: string) => string = (command) => `"${command}" is not available here`,
): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-V') {
    process.stdout.write(`goverity ${toolVersion()}\n`);
    return 0;
  }
  if (!command || command === '--help' || command === '-h' || (command === 'help' && rest.length === 0)) {
    process.stdout.write(GENERAL_HELP);
    return command ? 0 : EXIT.usage;
  }
  // `help CMD` and `CMD --help` (before the command's own parsing, which would call --help a usage error).
  const helpFor =
    command === 'help'
      ? rest[0] === '--help' || rest[0] === '-h'
        ? 'help'
        : rest[0]!
      : COMMAND_HELP[command] && (rest.includes('--help') || rest.includes('-h'))
        ? command
        : null;
  if (helpFor !== null) {
    const text = COMMAND_HELP[helpFor];
    if (text) {
      process.stdout.write(text);
      return 0;
    }
  }
  try {
    if (helpFor !== null) throw new UsageError(`no help for "${helpFor}"${suggestCommand(helpFor)} (commands: ${COMMANDS.join(', ')})`);
    const run = Object.hasOwn(commands, command) ? commands[command] : undefined;
    if (run) return await run(rest);
    if (COMMANDS.includes(command)) throw new UsageError(missing(command));
    throw new UsageError(`unknown command "${command}"${suggestCommand(command)} (try: goverity --help)`);
  } catch (e) {
    if (e instanceof UsageError || e instanceof TargetError) {
      process.stderr.write(`goverity: ${e.message}\n`);
      return EXIT.usage;
    }
    const err = e as Error;
    process.stderr.write(`goverity: ${err.message.split('\n')[0]}\n`);
    return EXIT.usage;
  }
}

function suggestCommand(word: string): string {
  const guess = didYouMean(word, COMMANDS);
  return guess ? ` (did you mean ${guess}?)` : '';
}
