import type { Check } from './finding.js';
import { view } from './toolchain-view.js';
import { versionManager } from './version-manager.js';

/**
 * A shim is a program in front of go (asdf's and goenv's scripts, mise's and Scoop's executables). Managers that put
 * the selected release's bin directory itself on PATH (gvm, g) have no shim: provenance names them, SHIM does not.
 */
export const shim: Check = (facts) => {
  const v = view(facts);
  const manager = versionManager(facts);
  // A shim is one only when what it selects (go env GOVERSION) resolves to a real cmd/go: otherwise GO_STUB says what it is.
  if (!v.go || !manager || !v.goRuns || !v.isIndirection || !v.toolchainBinary || !facts.goEnv?.GOVERSION) return [];
  const chain = [...v.go.hops.map((h) => h.path), ...(facts.goroot ? [facts.goroot.binaryPath] : [])];
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
