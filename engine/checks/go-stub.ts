import type { Check } from './finding.js';
import { evidenceOf, view } from './toolchain-view.js';
import { versionManager } from './version-manager.js';

/** The `go` that runs is no Go toolchain: a different Go program, or a script with no real go behind it. */
export const goStub: Check = (facts) => {
  const v = view(facts);
  const go = v.go;
  const id = go?.identity;
  if (!go || !id) return [];
  const evidence = [`${go.realpath ?? go.path}: ${id.format}${id.go ? `, Go build info: ${id.go.version} path=${id.go.path}` : ', no Go build info'}`];
  if (id.go && id.go.path !== null && id.go.path !== 'cmd/go' && !v.isGccgo) {
    return [
      {
        code: 'GO_STUB',
        severity: 'error',
        message: `${go.realpath ?? go.path} is a Go program (${id.go.path}), not the go command.`,
        evidence,
        fix: 'Remove it from PATH and install a real Go toolchain.',
      },
    ];
  }
  if (!v.isIndirection) return [];
  // A wrapper or shim is fine when a real cmd/go answers behind it; a failing known shim is SHIM_UNRESOLVED instead.
  const realBehind = !!facts.goEnv?.GOROOT && !!v.toolchainBinary;
  if (realBehind) return [];
  if (!v.goRuns && versionManager(facts)) return [];
  // The OS never started it (a missing #! interpreter, no permission): what it would do is unknown; GO_NOT_EXECUTABLE says why.
  if (facts.commands.version?.spawnError) return [];
  return [
    {
      code: 'GO_STUB',
      severity: 'error',
      message: `${go.path} is a ${id.format === 'script' || go.scriptHead !== null ? 'script' : `${id.format} program`} that does not act as the go command (no real toolchain answers behind it).`,
      evidence: [
        ...evidence,
        evidenceOf(facts.commands.version, 2),
        facts.goEnv ? `go env GOROOT=${facts.goEnv.GOROOT}: ${facts.goroot?.binaryPath ?? ''} is not a Go binary` : evidenceOf(facts.commands.envJson, 2),
      ],
      fix: `Remove or replace ${go.realpath ?? go.path}; install Go from https://go.dev/dl or your package manager.`,
    },
  ];
};
