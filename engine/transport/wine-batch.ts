import { windowsCommandLine } from './windows-command-line.js';

/** In a batch file `%` starts a variable: doubled, it is a literal percent sign. */
function literal(text: string): string {
  return text.replace(/%/g, '%%');
}

/**
 * A batch file that runs one Windows argv with environment overrides (null unsets) in a directory, and exits with
 * the program's status. Overrides are applied inside Windows because Wine puts the registry's variables over the
 * Unix environment it starts with, so a variable set in HKCU\Environment cannot be unset from outside.
 */
export function wineBatch(argv: string[], env: Record<string, string | null> = {}, cwd?: string): string {
  const lines = ['@echo off', 'setlocal DisableDelayedExpansion'];
  for (const [name, value] of Object.entries(env)) lines.push(`set "${literal(name)}=${value === null ? '' : literal(value)}"`);
  if (cwd) lines.push(`cd /d "${literal(cwd)}" || exit /b 267`);
  lines.push(literal(windowsCommandLine(argv)), 'exit /b %ERRORLEVEL%');
  return `${lines.join('\r\n')}\r\n`;
}
