import type { Check } from './finding.js';
import { goSaid, unsetAdvice } from './go-said.js';
import { settingSource } from './toolchain-view.js';

/**
 * go makes its work dir under GOTMPDIR, else the OS temp dir (TMPDIR): missing or unwritable, every build fails
 * (`go: creating work dir: ...`); mounted noexec, builds work but go run and go test can't start what they built.
 */
export const tempdirUnusable: Check = (facts) => {
  const said = goSaid(facts, /creating work dir/);
  const wd = facts.diagnosis?.workDir;
  const name = wd?.variable ?? null;
  const label = name ? `${name}=${wd!.path}` : wd ? `the default temp dir ${wd.path}` : 'the temp dir';
  const source = name === 'GOTMPDIR' ? (settingSource(facts, 'GOTMPDIR')?.source ?? 'environment') : 'environment';
  const missing = wd?.variable && wd.path && !wd.exists;
  const unwritable = wd?.exists && wd.writable === false;
  const noexec = wd?.exists && wd.noexec === true;
  if (!said && !missing && !unwritable && !noexec) return [];
  const evidence = [
    ...(said ? [said.evidence] : []),
    ...(wd ? [`${label}: ${missing ? 'no such directory' : unwritable ? 'not writable' : noexec ? `mounted noexec (${wd.mountPoint})` : 'a directory'}`] : []),
  ];
  if (noexec && !said && !missing && !unwritable)
    return [
      {
        code: 'TEMPDIR_UNUSABLE',
        severity: 'warning',
        message: `${label} is on a noexec mount (${wd!.mountPoint}): go build works, but go run and go test fail to start what they build there ("permission denied").`,
        evidence,
        fix: 'Set GOTMPDIR to a directory on a filesystem mounted with exec (e.g. GOTMPDIR=$HOME/.cache/go-tmp, created first), or remount without noexec.',
      },
    ];
  const fix = missing
    ? name
      ? `${label} does not exist: ${name === 'GOTMPDIR' ? unsetAdvice('GOTMPDIR', source) : `unset ${name}`} or create it (mkdir -p ${wd!.path}).`
      : `${wd!.path} does not exist: create it (mkdir -m 1777 ${wd!.path}) or set GOTMPDIR to a writable directory.`
    : unwritable
      ? `${label} is not writable by this user: fix its permissions, or set GOTMPDIR to a directory this user can write.`
      : 'Point GOTMPDIR (or TMPDIR) at an existing, writable directory.';
  return [
    {
      code: 'TEMPDIR_UNUSABLE',
      severity: 'error',
      message: `go cannot make its work directory${said ? `: "${said.line}"` : ` in ${label}`}; every build fails.`,
      evidence,
      fix,
    },
  ];
};
