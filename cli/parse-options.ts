import { parseArgs, type ParseArgsConfig } from 'node:util';
import { didYouMean } from './did-you-mean.js';
import { UsageError } from './usage-error.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs for one command, strict; a mistyped flag becomes one UsageError line with a "did you mean" and where help is. */
export function parseOptions<O extends Options, P extends boolean = false>(
  command: string,
  args: string[],
  options: O,
  allowPositionals?: P,
): ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: P }>> {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: (allowPositionals ?? false) as P });
  } catch (e) {
    const message = (e as Error).message.split('\n')[0]!.replace(/\. To specify a positional argument.*$/, '');
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
    const known = Object.entries(options).flatMap(([name, o]) => [`--${name}`, ...(o.short ? [`-${o.short}`] : [])]);
    const guess = unknown ? didYouMean(unknown.split('=')[0]!, known) : null;
    throw new UsageError(`${message}${guess ? ` (did you mean ${guess}?)` : ''} (see: goverity ${command} --help)`);
  }
}
