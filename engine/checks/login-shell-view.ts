import type { FactSnapshot, LoginShellFact } from '../facts/fact-snapshot.js';

/** Windows: no shell was started; the registry's environment (a new process's) was read. */
export const isRegistry = (ls: LoginShellFact) => ls.kind === 'windows-registry';

/** How the shell was started, for messages: `/bin/bash -l -i`, or on Windows the registry's environment. */
export const shellLabel = (ls: LoginShellFact) => (isRegistry(ls) ? "the registry's machine and user environment" : `${ls.shell ?? 'the login shell'} -l -i`);

/** The subject of a message: what a user opens next. */
export const shellSubject = (ls: LoginShellFact) => (isRegistry(ls) ? `A new terminal (${shellLabel(ls)})` : `Your login shell (${shellLabel(ls)})`);

/** A profile line as a finding shows it: where it is (`~/.profile:3`, $HOME spelled ~) and its text. */
export interface ProfileLine {
  where: string;
  text: string;
}

export const showLine = (l: ProfileLine) => `${l.where}: ${l.text}`;

/** Profile lines that mention any of the needles (a directory, a variable's name), in the order the shell reads files. */
export function linesMentioning(facts: FactSnapshot, needles: string[]): ProfileLine[] {
  const ls = facts.loginShell;
  if (!ls) return [];
  const home = facts.env.HOME;
  const spelled = needles.flatMap((n) => (home && n.startsWith(`${home}/`) ? [n, `$HOME/${n.slice(home.length + 1)}`, `~/${n.slice(home.length + 1)}`] : [n]));
  return (
    ls.profileLines
      .filter((l) => spelled.some((n) => n && l.text.includes(n)))
      // Line 0: a registry value, whose place is its key.
      .map((l) => ({
        where: `${home && l.file.startsWith(`${home}/`) ? `~/${l.file.slice(home.length + 1)}` : l.file}${l.line ? `:${l.line}` : ''}`,
        text: l.text,
      }))
  );
}

/** The first lines of what the shell wrote to stderr (a profile's complaint), without bash's no-terminal notices. */
export function shellStderr(ls: LoginShellFact, max = 3): string[] {
  return (ls.command?.stderr ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/cannot set terminal process group|no job control in this shell|Inappropriate ioctl/.test(l))
    .slice(0, max);
}
