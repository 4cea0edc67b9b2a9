import type { Check } from './finding.js';
import { isRegistry, shellLabel, shellStderr } from './login-shell-view.js';

/** The user's login shell hung or ended before printing what it resolves: its profiles stop a new terminal too. */
export const shellProfileFailed: Check = (facts) => {
  const ls = facts.loginShell;
  const c = ls?.command;
  // On Windows no profile runs: a registry that could not be read is a probe's problem, not the user's.
  if (!ls || !c || ls.path !== null || isRegistry(ls)) return [];
  const how = c.timedOut
    ? 'did not finish in time and was killed'
    : c.spawnError
      ? `could not start (${c.spawnError})`
      : `ended (exit ${c.exitCode}) before its profiles were done`;
  return [
    {
      code: 'SHELL_PROFILE_FAILED',
      severity: 'warning',
      message: `Your login shell (${shellLabel(ls)}) ${how}: a new terminal runs the same profiles, so which go it gets was not learnt.`,
      evidence: [`${shellLabel(ls)} -c …: ${c.timedOut ? 'timed out' : `exit ${c.exitCode}`}`, ...shellStderr(ls)],
      fix: c.timedOut
        ? `Find the profile line that waits (a prompt, a network call, a read): ${ls.shell ?? 'sh'} -x -l -i -c true shows the last one run.`
        : `Find the profile line that exits or fails: ${ls.shell ?? 'sh'} -x -l -i -c true shows the last one run.`,
    },
  ];
};
