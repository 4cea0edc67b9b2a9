import type { Check } from './finding.js';
import { view } from './toolchain-view.js';
import { versionManager } from './version-manager.js';

export const shim: Check = (facts) => {
  const v = view(facts);
  const manager = versionManager(facts);
  if (!v.go || !manager || !v.goRuns) return [];
  const chain = [...v.go.hops.map((h) => h.path), ...(v.isIndirection && facts.goroot ? [facts.goroot.binaryPath] : [])];
  return [
    {
      code: 'SHIM',
      severity: 'info',
      message: `go is reached through ${manager}${facts.goEnv?.GOVERSION ? `, which selects ${facts.goEnv.GOVERSION}` : ''}.`,
      evidence: [`chain: ${chain.join(' → ')}`, `go env GOROOT: ${facts.goEnv?.GOROOT ?? '?'}`],
      fix: null,
    },
  ];
};
