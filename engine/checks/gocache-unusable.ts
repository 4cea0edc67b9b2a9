import type { Check } from './finding.js';
import { goSaid, unsetAdvice } from './go-said.js';
import { settingSource, view } from './toolchain-view.js';

// cmd/go/internal/cache/default.go: the messages go prints when it has no usable build cache.
const SAID = /build cache is (required|disabled)|failed to initialize build cache/;

/** Go ≥1.12 builds nothing without a build cache: GOCACHE=off, a relative GOCACHE, no HOME to derive one, or one it can't write. */
export const gocacheUnusable: Check = (facts) => {
  if (!view(facts).go) return [];
  const said = goSaid(facts, SAID);
  const set = settingSource(facts, 'GOCACHE');
  const userSet = set && set.source !== 'default' ? set : null;
  const unix = facts.platform.os !== 'windows';
  const noHome = unix && !userSet && !facts.env.HOME && !(facts.platform.os === 'linux' && facts.env.XDG_CACHE_HOME);
  const w = facts.writable.GOCACHE;
  const unwritable = w?.writable === false;
  const cause =
    userSet?.value === 'off'
      ? 'off'
      : userSet && !isAbsolute(userSet.value, unix)
        ? 'relative'
        : noHome
          ? 'home'
          : unwritable || /failed to initialize/.test(said?.line ?? '')
            ? 'unwritable'
            : said
              ? 'other'
              : null;
  if (!cause) return [];
  const evidence = [
    ...(said ? [said.evidence] : []),
    ...(userSet ? [`GOCACHE=${userSet.value} (${userSet.source})`] : []),
    ...(cause === 'home' ? [`HOME: ${facts.env.HOME === undefined ? 'unset' : 'empty'}; GOCACHE and XDG_CACHE_HOME: unset`] : []),
    ...(unwritable ? [`test -w ${w!.path} (GOCACHE=${facts.goEnv?.GOCACHE ?? '?'}): not writable`] : []),
  ];
  const fix = {
    off: `GOCACHE=off turns off the build cache, which go requires since Go 1.12: ${unsetAdvice('GOCACHE', userSet?.source ?? '')}, or point it at a writable directory.`,
    relative: `GOCACHE must be an absolute path: set it to an absolute, writable directory (e.g. $HOME/.cache/go-build), or ${unsetAdvice('GOCACHE', userSet?.source ?? '')}.`,
    home: 'HOME is not set, so go has nowhere to keep its build cache: set HOME, or set GOCACHE to an absolute, writable directory.',
    unwritable: `go cannot write its build cache${w ? ` (${w.path})` : ''}: make it writable by this user, or set GOCACHE to a directory this user owns.`,
    other: 'Set GOCACHE to an absolute directory this user can write.',
  }[cause];
  return [
    {
      code: 'GOCACHE_UNUSABLE',
      severity: 'error',
      message: `go has no usable build cache${said ? `: "${said.line}"` : ''}; every build fails.`,
      evidence,
      fix,
    },
  ];
};

function isAbsolute(p: string, unix: boolean): boolean {
  return unix ? p.startsWith('/') : /^([A-Za-z]:[\\/]|\\\\)/.test(p);
}
