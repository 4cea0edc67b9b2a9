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
import { signatureAbsent } from './signature-absent.js';
import { signatureInvalid } from './signature-invalid.js';
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
  goPathShadowed,
  cgoToolchainMissing,
  cgoBuildFailed,
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
  signatureAbsent,
  notOfficialBuild,
];
