import { releaseBuildDeviations } from '../binary/release-build-deviations.js';
import type { Check } from './finding.js';
import { view } from './toolchain-view.js';

const OS_NAME: Record<string, string> = { darwin: 'macOS', windows: 'Windows' };

/**
 * A go whose build info claims a release, signed by a signer that vouches only for itself: the signature holds over
 * the bytes, but its chain is one self-signed certificate, or (macOS) does not reach the pinned Apple Root CA that
 * every Developer ID chains to. Anyone can re-sign a patched go.exe with a home-made certificate.
 * An Authenticode chain that ends at another CA's intermediate is not judged: no trust store is pinned for it.
 */
export const signatureUntrusted: Check = (facts) => {
  const v = view(facts);
  const id = v.toolchainBinary;
  const sig = id?.signature;
  if (!id?.go || !sig || sig.valid !== true || (sig.kind !== 'authenticode' && sig.kind !== 'developer-id')) return [];
  const platform = id.os ? OS_NAME[id.os] : undefined;
  if (!platform || releaseBuildDeviations(id.go).length > 0) return [];
  const chain = sig.chain ?? [];
  const selfSigned = sig.chainComplete === true && chain.length === 1;
  const notApple = sig.kind === 'developer-id' && sig.anchor !== 'Apple Root CA';
  if (!selfSigned && !notApple) return [];
  const path = (v.isGoCommandBinary ? v.go?.realpath : facts.goroot?.binaryPath) ?? v.go?.path ?? 'go';
  return [
    {
      code: 'SIGNATURE_UNTRUSTED',
      severity: 'error',
      message: `${path} claims a Go release (${id.go.version}) but is signed by ${sig.signer ?? 'an unnamed signer'}, ${selfSigned ? 'a self-signed certificate that vouches only for itself' : 'a chain that does not reach the Apple Root CA'}: go.dev's ${platform} releases are not signed that way.`,
      evidence: [
        `${path}: ${id.format} ${id.os}/${id.arch ?? '?'}, ${sig.kind} signature, valid over the bytes, signer ${sig.signer ?? '(none)'}`,
        `chain: ${chain.join(' → ') || '(no certificates)'}${sig.chainComplete ? ' (ends at a self-signed certificate)' : ''}; pinned root: ${sig.anchor ?? 'none reached'}`,
        `Go build info: ${id.go.version}, release build settings`,
      ],
      fix: `Treat this go as tampered: it was re-signed after release. Reinstall Go from https://go.dev/dl and check its SHA-256 against the published one.`,
    },
  ];
};
