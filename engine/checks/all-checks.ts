import type { Check } from './finding.js';
import { binaryCorrupt } from './binary-corrupt.js';
import { binaryWrongArch } from './binary-wrong-arch.js';
import { buildFailed } from './build-failed.js';
import { buildOutputForged } from './build-output-forged.js';
import { cgoBuildFailed } from './cgo-build-failed.js';
import { cgoDisabled } from './cgo-disabled.js';
import { cgoToolchainMissing } from './cgo-toolchain-missing.js';
import { container } from './container.js';
import { go111moduleOff } from './go111module-off.js';
import { goNotExecutable } from './go-not-executable.js';
import { goNotFound } from './go-not-found.js';
import { goPathShadowed } from './go-path-shadowed.js';
import { goStub } from './go-stub.js';
import { goVersionLie } from './go-version-lie.js';
import { goflagsOverride } from './goflags-override.js';
import { gopathConflict } from './gopath-conflict.js';
import { gorootIncomplete } from './goroot-incomplete.js';
import { gorootMismatch } from './goroot-mismatch.js';
import { gorootMissing } from './goroot-missing.js';
import { modcacheUnwritable } from './modcache-unwritable.js';
import { moduleFetchDisabled } from './module-fetch-disabled.js';
import { multipleToolchains } from './multiple-toolchains.js';
import { probeTimeout } from './probe-timeout.js';
import { proxyUnreachable } from './proxy-unreachable.js';
import { shim } from './shim.js';
import { shimUnresolved } from './shim-unresolved.js';
import { sumdbDisabled } from './sumdb-disabled.js';
import { toolchainMismatch } from './toolchain-mismatch.js';
import { toolchainSwitch } from './toolchain-switch.js';
import { toolchainSwitchFailed } from './toolchain-switch-failed.js';
import { wrapper } from './wrapper.js';
import { notOfficialBuild } from './not-official-build.js';
import { packageFilesModified } from './package-files-modified.js';
import { releaseChecksumMismatch } from './release-checksum-mismatch.js';
import { shellEnvDiffers } from './shell-env-differs.js';
import { shellGoDiffers } from './shell-go-differs.js';
import { shellProfileFailed } from './shell-profile-failed.js';
import { signatureAbsent } from './signature-absent.js';
import { signatureInvalid } from './signature-invalid.js';
import { projectToolchainRefused } from './project-toolchain-refused.js';
import { projectToolchainUnavailable } from './project-toolchain-unavailable.js';
import { projectVendorInconsistent } from './project-vendor-inconsistent.js';
import { projectGosumMissing } from './project-gosum-missing.js';
import { projectModulesNotCached } from './project-modules-not-cached.js';
import { projectLoadFailed } from './project-load-failed.js';
import { projectGopathMode } from './project-gopath-mode.js';
import { projectToolchainSwitch } from './project-toolchain-switch.js';
import { gocacheUnusable } from './gocache-unusable.js';
import { tempdirUnusable } from './tempdir-unusable.js';
import { targetPlatformForeign } from './target-platform-foreign.js';
import { goexperimentInvalid } from './goexperiment-invalid.js';
import { goworkUnusable } from './gowork-unusable.js';
import { buildIntercepted } from './build-intercepted.js';
import { cgoFlagsBroken } from './cgo-flags-broken.js';
import { ccWrongTarget } from './cc-wrong-target.js';
import { gorootStripped } from './goroot-stripped.js';
import { pathRelative } from './path-relative.js';
import { gorootGoenvEdited } from './goroot-goenv-edited.js';
import { signatureUntrusted } from './signature-untrusted.js';

/** Every check, in report order. Adding one: a file, an entry here, a test beside it, a scenario. */
export const ALL_CHECKS: Check[] = [
  goNotFound,
  goNotExecutable,
  binaryCorrupt,
  binaryWrongArch,
  goStub,
  goVersionLie,
  shimUnresolved,
  gorootMissing,
  gorootIncomplete,
  gorootMismatch,
  toolchainMismatch,
  toolchainSwitchFailed,
  probeTimeout,
  buildOutputForged,
  buildFailed,
  // The causes a failed build (or run) can have, each in go's own words.
  gocacheUnusable,
  tempdirUnusable,
  targetPlatformForeign,
  goexperimentInvalid,
  goworkUnusable,
  buildIntercepted,
  goPathShadowed,
  cgoToolchainMissing,
  cgoBuildFailed,
  cgoFlagsBroken,
  ccWrongTarget,
  gorootStripped,
  pathRelative,
  gopathConflict,
  modcacheUnwritable,
  moduleFetchDisabled,
  proxyUnreachable,
  sumdbDisabled,
  goflagsOverride,
  go111moduleOff,
  toolchainSwitch,
  shim,
  wrapper,
  cgoDisabled,
  multipleToolchains,
  container,
  signatureInvalid,
  signatureUntrusted,
  packageFilesModified,
  releaseChecksumMismatch,
  shellGoDiffers,
  shellEnvDiffers,
  shellProfileFailed,
  signatureAbsent,
  notOfficialBuild,
  // verify --project DIR: silent without a project in the snapshot.
  projectToolchainRefused,
  projectToolchainUnavailable,
  projectVendorInconsistent,
  projectGosumMissing,
  projectModulesNotCached,
  projectLoadFailed,
  projectGopathMode,
  projectToolchainSwitch,
  gorootGoenvEdited,
];
