import { releaseBuildDeviations } from '../binary/release-build-deviations.js';
import type { Check } from './finding.js';
import { view } from './toolchain-view.js';

const OS_NAME: Record<string, string> = { darwin: 'macOS', windows: 'Windows' };

/**
 * The go command's binary names no signer: no signature at all, or only the ad-hoc one Go's linker gives darwin/arm64.
 * A warning where go.dev's releases are signed (macOS, Windows) and the build info claims a release build; info otherwise.
 */
export const signatureAbsent: Check = (facts) => {
  const v = view(facts);
  const id = v.toolchainBinary;
  const sig = id?.signature;
  // Snapshots from engines that did not read signatures have none to judge; an invalid one is SIGNATURE_INVALID.
  if (!id || !sig || (sig.kind !== 'none' && sig.kind !== 'adhoc') || sig.valid === false) return [];
  const path = (v.isGoCommandBinary ? v.go?.realpath : facts.goroot?.binaryPath) ?? v.go?.path ?? 'go';
  const platform = id.os ? OS_NAME[id.os] : undefined;
  // Strict: a warning only for what looks exactly like make.bash's release output.
  const deviations = id.go ? releaseBuildDeviations(id.go, { strict: true }) : [];
  const claimsRelease = platform !== undefined && deviations.length === 0;
  const what = sig.kind === 'adhoc' ? "only an ad-hoc signature (Go's linker's), no Developer ID" : 'no code signature';
  const why =
    id.format === 'elf'
      ? ': ELF binaries carry none, so only a published checksum or the package database can vouch for it'
      : claimsRelease
        ? `, yet its build info is a release build's, and go.dev's ${platform} releases are signed`
        : platform
          ? ', as a Go built or repackaged outside go.dev has'
          : '';
  return [
    {
      code: 'SIGNATURE_ABSENT',
      severity: claimsRelease ? 'warning' : 'info',
      message: `${path} has ${what}${why}.`,
      evidence: [
        `${path}: ${id.format} ${id.os ?? '?'}/${id.arch ?? '?'}, signature: ${sig.kind}${sig.identifier ? ` (identifier ${sig.identifier})` : ''}`,
        id.go
          ? `Go build info: ${id.go.version || '(no version)'}, ${deviations.length ? deviations.join('; ') : 'release build settings'}`
          : 'no Go build info',
        ...(facts.packageOwner ? [`package database: ${facts.packageOwner} owns it`] : []),
      ],
      fix: claimsRelease
        ? `Reinstall Go from https://go.dev/dl: the official ${platform} release is signed; one that lost its signature was repackaged or altered.`
        : facts.packageOwner
          ? `Nothing to fix; to check the file, verify it against its package (${facts.packageOwner}).`
          : 'Nothing to fix if you chose this build; to check the file, compare its SHA-256 with the one published on https://go.dev/dl.',
    },
  ];
};
