import type { Check } from './finding.js';
import { expectedMarker } from '../probes/probe-programs.js';
import { evidenceOf, ok } from './toolchain-view.js';

export const cgoBuildFailed: Check = (facts) => {
  const { buildCgo, runCgo, buildPure } = facts.commands;
  // Only meaningful where a compiler exists and pure Go builds (else other findings say it).
  if (!buildCgo || !facts.cc?.path || !ok(buildPure)) return [];
  if (ok(buildCgo) && ok(runCgo) && runCgo?.stdout.includes(expectedMarker('cgo', facts.probe))) return [];
  if (ok(buildCgo) && !runCgo && facts.artifacts && 'cgo' in facts.artifacts) return [];
  const text = `${buildCgo.stdout}${buildCgo.stderr}`;
  // The linker first: binutils ≥ 2.39 says "cannot find -lfoo: No such file or directory", which is no header problem.
  const hint = /cannot find -l|undefined reference|ld returned/.test(text)
    ? 'The linker failed: install the C library development files or fix CGO_LDFLAGS.'
    : /xcrun: error|CommandLineTools/.test(text)
      ? 'The Xcode Command Line Tools are missing or broken: xcode-select --install.'
      : /No such file or directory|fatal error: .*\.h/.test(text)
        ? 'C headers are missing (Debian/Ubuntu: apt-get install libc6-dev).'
        : `Check that ${facts.cc.name} can compile a C file, and CGO_CFLAGS/CGO_LDFLAGS.`;
  return [
    {
      code: 'CGO_BUILD_FAILED',
      severity: 'warning',
      message: `A C compiler exists (${facts.cc.path}) but building a cgo program fails.`,
      evidence: [ok(buildCgo) ? evidenceOf(runCgo, 3) : evidenceOf(buildCgo, 6)],
      fix: hint,
    },
  ];
};
