import type { Check } from './finding.js';

export const modcacheUnwritable: Check = (facts) => {
  const bad = (['GOMODCACHE', 'GOPATH'] as const).map((k) => [k, facts.writable[k]] as const).filter(([, w]) => w?.writable === false);
  if (bad.length === 0) return [];
  return [
    {
      code: 'MODCACHE_UNWRITABLE',
      severity: 'warning',
      message: `${bad.map(([k, w]) => `${k} (${w!.path})`).join(' and ')} cannot be written by this user: go cannot download modules.`,
      evidence: bad.map(([k, w]) => `test -w ${w!.path} (${k}=${facts.goEnv?.[k] ?? '?'}): not writable`),
      fix: `Point GOMODCACHE (and GOPATH) at a directory this user owns, e.g. go env -w GOMODCACHE=$HOME/go/pkg/mod, or fix the ownership of ${bad[0]![1]!.path}.`,
    },
  ];
};
