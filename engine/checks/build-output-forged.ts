import { artifactProblems, buildTarget } from '../probes/build-artifact.js';
import type { Check } from './finding.js';
import { evidenceOf, view } from './toolchain-view.js';

/**
 * `go build` of the probe program (a fresh nonce in its module path) wrote something no Go toolchain writes: a script,
 * a program with no Go build info, another module's or another Go version's binary. It was never run.
 */
export const buildOutputForged: Check = (facts) => {
  const v = view(facts);
  if (!v.go || !facts.probe || !facts.artifacts) return [];
  const findings = (['pure', 'cgo'] as const).flatMap((program) => {
    if (!(program in facts.artifacts!)) return [];
    const id = facts.artifacts![program] ?? null;
    const build = program === 'pure' ? facts.commands.buildPure : facts.commands.buildCgo;
    const problems = artifactProblems(id, {
      platform: buildTarget(facts.goEnv, facts.platform),
      modulePath: facts.probe!.modules[program],
      gopathModeDir: facts.goEnv?.GO111MODULE === 'off' ? (build?.cwd ?? null) : null,
      goVersion: v.isGccgo ? null : v.goEnvVersion,
      gccgo: v.isGccgo,
    });
    if (problems.length === 0) return [];
    return [{ program, problems, build, id }];
  });
  const first = findings[0];
  if (!first) return [];
  return [
    {
      code: 'BUILD_OUTPUT_FORGED',
      severity: 'error',
      message: `go build reported success, but what it wrote is not a Go program built from the probe: ${first.problems.join('; ')}.`,
      evidence: findings.flatMap(({ program, problems, build, id }) => [
        evidenceOf(build, 1),
        `${program} artifact: ${id ? `${id.format} ${id.os ?? '?'}/${id.arch ?? '?'}, ${id.go ? `Go build info ${id.go.version || '(no version)'} module ${id.go.mainModule ?? id.go.path ?? '(none)'}` : 'no Go build info'}` : 'unreadable'}: ${problems.join('; ')} (not run)`,
      ]),
      fix: `${v.go.realpath ?? v.go.path} does not really build Go programs: remove it from PATH and install Go from https://go.dev/dl or your package manager.`,
    },
  ];
};
