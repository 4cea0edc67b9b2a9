import type { Check } from './finding.js';

export const gopathConflict: Check = (facts) => {
  const env = facts.goEnv;
  const goroot = env?.GOROOT;
  if (!env?.GOPATH || !goroot) return [];
  const win = facts.platform.os === 'windows';
  const norm = (p: string) => {
    const s = p.replace(/[\\/]+$/, '');
    return win ? s.replace(/\//g, '\\').toLowerCase() : s;
  };
  const sep = win ? '\\' : '/';
  const roots = [goroot, facts.goroot?.realpath].filter((r): r is string => !!r).map(norm);
  const bad = env.GOPATH.split(win ? ';' : ':').filter((p) => p && roots.some((r) => norm(p) === r || norm(p).startsWith(r + sep)));
  if (bad.length === 0) return [];
  return [
    {
      code: 'GOPATH_CONFLICT',
      severity: 'warning',
      message: `GOPATH (${bad.join(', ')}) is GOROOT or inside it; go ignores it there and installs could overwrite the toolchain.`,
      evidence: [`go env GOPATH: ${env.GOPATH}`, `go env GOROOT: ${goroot}`],
      fix: `Unset GOPATH (default: ~/go) or set it outside ${goroot}.`,
    },
  ];
};
