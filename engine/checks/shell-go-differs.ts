import { envValueAnyCase } from '../facts/env-value-any-case.js';
import type { Check } from './finding.js';
import { isRegistry, linesMentioning, shellLabel, shellSubject, showLine } from './login-shell-view.js';

const dirOf = (p: string) => p.slice(0, Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'))) || '/';

/**
 * The user's login shell runs another go than the one this process finds (or none): the terminal and the IDE, CI job
 * or service disagree, and what was verified is not what the user types. Compared by the file each resolves to.
 */
export const shellGoDiffers: Check = (facts) => {
  const ls = facts.loginShell;
  if (!ls?.command || ls.path === null) return [];
  const here = facts.candidates[0] ?? null;
  const hereReal = here?.realpath ?? here?.path ?? null;
  const thereReal = ls.go?.realpath ?? ls.go?.path ?? null;
  // Windows names ignore case: C:\Go\bin\go.exe and c:\go\bin\GO.EXE are one file.
  const same = facts.platform.os === 'windows' ? hereReal?.toLowerCase() === thereReal?.toLowerCase() : hereReal === thereReal;
  if (same) return [];
  const version = (v: string | null | undefined) => (v ? ` (${v})` : '');
  const hereText = here ? `${here.path}${version(here.identity?.go?.path === 'cmd/go' ? here.identity.go.version : null)}` : 'no go';
  const thereText = ls.go ? `${ls.go.path}${version(ls.go.version)}` : 'no go at all';
  const lines = ls.go ? linesMentioning(facts, [dirOf(ls.go.path)]) : [];
  const pathLines = lines.length ? lines : linesMentioning(facts, ['PATH=', 'PATH ']).slice(0, 4);
  return [
    {
      code: 'SHELL_GO_DIFFERS',
      severity: 'warning',
      message: `${shellSubject(ls)} runs ${thereText}, but this process runs ${hereText}: a new terminal and what launched goverity (an IDE, a CI job, a service) use different Go.`,
      evidence: [`PATH in ${shellLabel(ls)}: ${ls.path}`, `PATH here: ${envValueAnyCase(facts.env, 'PATH') ?? ''}`, ...pathLines.slice(0, 4).map(showLine)],
      fix: isRegistry(ls)
        ? `Decide which go you want. If it is the one a new terminal runs, restart what launched this process (an IDE or service keeps the environment it started with); otherwise change PATH${lines.length ? ` in ${lines[0]!.where}` : ''} (System Properties → Environment Variables), then open a new terminal.`
        : lines.length
          ? `Decide which go you want; then edit ${lines[0]!.where} so that the shell's PATH finds it, or put the same directory first in the PATH of what launched this process.`
          : `Decide which go you want; then make the PATH your profiles set (~/.profile, ~/.bash_profile, ~/.zshrc, /etc/profile, /etc/profile.d/*) and the PATH of what launched this process find the same one.`,
    },
  ];
};
