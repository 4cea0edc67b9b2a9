import type { Check, Finding } from './finding.js';
import { isRegistry, linesMentioning, shellSubject, showLine } from './login-shell-view.js';
import { SHELL_VARS } from '../probes/login-shell-probe.js';

/** A Go setting the user's login shell ends up with differs from this process's: the same go behaves differently in a terminal. */
export const shellEnvDiffers: Check = (facts) => {
  const ls = facts.loginShell;
  if (!ls?.command || ls.path === null) return [];
  const out: Finding[] = [];
  const diffs = SHELL_VARS.filter((v) => (ls.vars[v] ?? null) !== (facts.env[v] ?? null));
  if (diffs.length === 0) return [];
  const show = (v: string | undefined) => (v === undefined ? 'unset' : `${v}`);
  const lines = linesMentioning(
    facts,
    diffs.map((v) => v),
  );
  out.push({
    code: 'SHELL_ENV_DIFFERS',
    severity: 'warning',
    message: `${shellSubject(ls)} sets ${diffs.map((v) => `${v}=${show(ls.vars[v])}`).join(', ')}; this process has ${diffs.map((v) => `${v}=${show(facts.env[v])}`).join(', ')}: go behaves differently in a new terminal.`,
    evidence: lines.length
      ? lines.slice(0, 5).map(showLine)
      : [`no profile line that this probe read sets ${diffs.join(', ')} (a version manager's hook or a sourced file may)`],
    fix: isRegistry(ls)
      ? `Make them agree: change ${diffs.join(', ')}${lines.length ? ` in ${lines[0]!.where}` : ''} (System Properties → Environment Variables), or restart what launched this process (it keeps the environment it started with).`
      : lines.length
        ? `Edit ${lines[0]!.where} (or drop the setting: go finds its own GOROOT from its binary since Go 1.10), so that both agree.`
        : `Find where the shell sets ${diffs.join(', ')} (bash -x -l -i -c true 2>&1 | grep ${diffs[0]}) and make it agree with this process, or drop it.`,
  });
  return out;
};
