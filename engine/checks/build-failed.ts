import type { Check } from './finding.js';
import { expectedMarker } from '../probes/probe-programs.js';
import { evidenceOf, ok, view } from './toolchain-view.js';

/** The definition of a working toolchain: it builds and runs a pure-Go program. */
export const buildFailed: Check = (facts) => {
  const v = view(facts);
  if (!v.go) return [];
  const { buildPure, runPure, version } = facts.commands;
  if (ok(buildPure) && ok(runPure) && runPure?.stdout.includes(expectedMarker('pure', facts.probe))) return [];
  // Built, identified, and refused a run (a script, a foreign module): BUILD_OUTPUT_FORGED names that cause.
  if (ok(buildPure) && !runPure && facts.artifacts && 'pure' in facts.artifacts) return [];
  // A temp dir the probes could not make (TMPDIR gone, on the local target) stops the build before go is asked.
  const tmpError = facts.probeErrors.find((e) => e.probe === 'tempdir');
  const evidence = !buildPure
    ? tmpError
      ? [`build not attempted: no temporary directory for the probe programs (${tmpError.message})`]
      : [`build not attempted: go version did not answer`, evidenceOf(version, 2)]
    : !ok(buildPure)
      ? [evidenceOf(buildPure, 6)]
      : [evidenceOf(buildPure, 1), evidenceOf(runPure, 4)];
  return [
    {
      code: 'BUILD_FAILED',
      severity: 'error',
      message: !buildPure
        ? 'go could not be asked to build a program.'
        : !ok(buildPure)
          ? 'Building a hello-world program failed.'
          : 'The built program did not run correctly.',
      evidence,
      // The other findings name the cause (TEMPDIR_UNUSABLE, BUILD_INTERCEPTED, GOROOT_MISMATCH…); a reinstall fixes none of those.
      fix: 'The other findings name the cause and its fix; reinstall Go only when none does (the toolchain itself is damaged).',
    },
  ];
};
