import type { Check } from './finding.js';
import { evidenceOf, view } from './toolchain-view.js';

/** What `go version` prints must agree with the build info of the binary that serves it and with go env GOVERSION. */
export const goVersionLie: Check = (facts) => {
  const v = view(facts);
  if (!v.go || v.isGccgo) return [];
  const mismatches: string[] = [];
  if (v.printedLocalVersion && v.builtVersion && v.printedLocalVersion !== v.builtVersion)
    mismatches.push(`GOTOOLCHAIN=local go version prints ${v.printedLocalVersion}, the binary's build info says ${v.builtVersion}`);
  // Same invocation path as `go version`: a GOTOOLCHAIN switch moves both together.
  if (v.printedVersion && v.goEnvVersion && v.printedVersion !== v.goEnvVersion)
    mismatches.push(`go version prints ${v.printedVersion}, go env GOVERSION says ${v.goEnvVersion}`);
  if (mismatches.length === 0) return [];
  const binary = v.isIndirection ? facts.goroot?.binaryPath : v.go.realpath;
  return [
    {
      code: 'GO_VERSION_LIE',
      severity: 'error',
      message: `go version reports a version the toolchain does not have: ${mismatches.join('; ')}.`,
      evidence: [
        evidenceOf(facts.commands.version, 1),
        evidenceOf(facts.commands.versionLocal, 1),
        `${binary}: Go build info ${v.builtVersion ?? 'absent'}`,
        `go env GOVERSION: ${v.goEnvVersion ?? '(none)'}`,
        ...(v.go.scriptHead ? [`${v.go.realpath} is a script: ${v.go.scriptHead.split(/\r?\n/).slice(0, 3).join(' | ').slice(0, 200)}`] : []),
      ],
      fix: `Remove the program that rewrites go version output (${v.go.realpath ?? v.go.path}) and put ${binary ?? 'the real go'} on PATH.`,
    },
  ];
};
