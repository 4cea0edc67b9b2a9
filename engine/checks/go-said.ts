import type { FactSnapshot } from '../facts/fact-snapshot.js';
import { commandText } from './toolchain-view.js';

/** The first line any go command printed that matches, quoted with the command: evidence in go's own words. */
export function goSaid(facts: FactSnapshot, pattern: RegExp): { line: string; evidence: string } | null {
  for (const c of Object.values(facts.commands)) {
    const line = commandText(c)
      .split('\n')
      .find((l) => pattern.test(l));
    if (line) return { line: line.trim(), evidence: `${c!.argv.join(' ')}: ${line.trim().slice(0, 400)}` };
  }
  return null;
}

/** How to undo a setting where it was made. */
export function unsetAdvice(name: string, source: string): string {
  return source === 'user env file' ? `go env -u ${name}` : source === 'GOROOT/go.env' ? `remove the ${name} line from $GOROOT/go.env` : `unset ${name}`;
}
