import type { Check } from './finding.js';
import { evidenceOf, ok, view } from './toolchain-view.js';

/** Tools inside one GOROOT from another release than the go command (an install laid over an older one). */
export const toolchainMismatch: Check = (facts) => {
  const v = view(facts);
  const g = facts.goroot;
  if (!v.go || v.isGccgo || !g?.exists) return [];
  const running = v.goEnvVersion ?? v.builtVersion;
  if (!running || !/^go\d/.test(running)) return [];
  // A whole GOROOT of another release is GOROOT_MISMATCH; this is for skew inside a GOROOT that otherwise agrees.
  if (g.versionFile && /^go\d/.test(g.versionFile) && g.versionFile !== running) return [];
  const skewed = (['compileV', 'linkV'] as const)
    .map((k) => ({ k, c: facts.commands[k] }))
    .filter(({ c }) => ok(c))
    .map(({ k, c }) => ({ k, c, version: /version (go\S+)/.exec(c!.stdout)?.[1] ?? null }))
    .filter((t) => t.version && t.version !== running);
  if (skewed.length === 0) return [];
  const vouched = Object.entries(facts.packageVerify?.vouchedBy ?? {});
  const reinstall = vouched.length > 0 && facts.packageVerify ? `apt-get install --reinstall ${facts.packageVerify.packages.join(' ')}` : null;
  return [
    {
      code: 'TOOLCHAIN_MISMATCH',
      severity: 'error',
      message: `${skewed.map((s) => `${s.k === 'compileV' ? 'compile' : 'link'} is ${s.version}`).join(', ')} but the go command is ${running}.`,
      evidence: [
        ...skewed.map((s) => evidenceOf(s.c, 1)),
        `go env GOVERSION: ${running}`,
        `${g.path}${facts.platform.os === 'windows' ? '\\' : '/'}VERSION: ${g.versionFile ?? '(absent)'}`,
        ...vouched.map(([file, by]) => `dpkg: ${file} now has the content of ${by}`),
      ],
      fix: reinstall
        ? `Restore the package's own files (${reinstall}) and find what copied another release's tools over them.`
        : `Remove ${g.path} and reinstall one release cleanly (never unpack a release over another).`,
    },
  ];
};
