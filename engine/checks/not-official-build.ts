import { releaseBuildDeviations } from '../binary/release-build-deviations.js';
import type { Check } from './finding.js';
import { view } from './toolchain-view.js';

/** The go command's build info says it was not made by Go's release process (make.bash on a release tree). */
export const notOfficialBuild: Check = (facts) => {
  const v = view(facts);
  const id = v.toolchainBinary ?? (v.isGccgo ? v.go?.identity : null);
  if (!id?.go) return [];
  // Strict: every real release build seen (go.dev's 1.26.8 and the module proxy's 1.27.3, Debian's 1.21 to 1.27) carries
  // make.bash's -gcflags beside -trimpath; `go build -trimpath cmd/go` does not. Debian's and go.dev's build info are
  // byte-for-byte alike, so build info cannot tell those two apart: the package database (provenance) does.
  const deviations = releaseBuildDeviations(id.go, { strict: true });
  if (deviations.length === 0) return [];
  const path = (v.toolchainBinary && !v.isGoCommandBinary ? facts.goroot?.binaryPath : v.go?.realpath) ?? v.go?.path ?? 'go';
  const settings = Object.entries(id.go.buildSettings)
    .filter(([k]) => k !== 'DefaultGODEBUG')
    .map(([k, x]) => `${k}=${x}`)
    .join(' ');
  return [
    {
      code: 'NOT_OFFICIAL_BUILD',
      severity: 'info',
      message: `${path} (${id.go.version || 'no version'}) was not built the way Go releases are: ${deviations.join('; ')}.`,
      evidence: [`${path}: Go build info ${id.go.version || '(no version)'} ${id.go.path ?? ''}: ${settings || '(no build settings)'}`],
      fix: 'Nothing to fix if you chose this build (a distribution package, a source build); for the go.dev release, install it from https://go.dev/dl.',
    },
  ];
};
