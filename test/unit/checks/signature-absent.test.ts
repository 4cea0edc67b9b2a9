import { describe, expect, it } from 'vitest';
import type { BinarySignature } from '../../../engine/binary/binary-identity.js';
import { signatureAbsent } from '../../../engine/checks/signature-absent.js';
import { GENUINE_FIXTURES, loadSnapshot, only, variant, withIdentity, withSignature } from '../snapshot-builders.js';

const none: BinarySignature = { kind: 'none', valid: null, signer: null, reasons: [] };
const adhoc: BinarySignature = { kind: 'adhoc', valid: true, signer: null, identifier: 'go', reasons: [] };

const signed = withSignature;

describe('signature-absent (SIGNATURE_ABSENT)', () => {
  it('is a warning for an unsigned Windows go.exe whose build info is a release build', () => {
    const f = only(signatureAbsent(signed('windows-msi', none)), 'SIGNATURE_ABSENT');
    expect(f.severity).toBe('warning');
    expect(f.message).toBe(
      "C:\\Program Files\\Go\\bin\\go.exe has no code signature, yet its build info is a release build's, and go.dev's Windows releases are signed.",
    );
    expect(f.evidence[0]).toBe('C:\\Program Files\\Go\\bin\\go.exe: pe windows/amd64, signature: none');
    expect(f.evidence[1]).toBe('Go build info: go1.22.5, release build settings');
    expect(f.fix).toMatch(/^Reinstall Go from https:\/\/go.dev\/dl/);
  });

  it("is a warning for a macOS release-looking go with only the linker's ad-hoc signature", () => {
    const f = only(signatureAbsent(signed('darwin-pkg-installer', adhoc)), 'SIGNATURE_ABSENT');
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(
      /has only an ad-hoc signature \(Go's linker's\), no Developer ID, yet its build info is a release build's, and go.dev's macOS releases are signed\.$/,
    );
  });

  it('is info for a go.exe built by `go build -trimpath` (no make.bash -gcflags), as the harness cross-builds its Windows trees', () => {
    const f = only(signatureAbsent(signed('windows-msi', none, null)), 'SIGNATURE_ABSENT');
    expect(f.severity).toBe('info');
    expect(f.message).toBe('C:\\Program Files\\Go\\bin\\go.exe has no code signature, as a Go built or repackaged outside go.dev has.');
    expect(f.evidence[1]).toBe("Go build info: go1.22.5, built without make.bash's -gcflags=cmd/...=-dwarf=false (by go build or go install, not by cmd/dist)");
  });

  it('is info on Linux, where ELF carries no signature, and points at the package database when one owns the file', () => {
    const f = only(signatureAbsent(signed('linux-debian-no-cc', none)), 'SIGNATURE_ABSENT');
    expect(f.severity).toBe('info');
    expect(f.message).toBe(
      '/usr/lib/go-1.22/bin/go has no code signature: ELF binaries carry none, so only a published checksum or the package database can vouch for it.',
    );
    expect(f.evidence).toContain('package database: dpkg:golang-1.22-go owns it');
    expect(f.fix).toBe('Nothing to fix; to check the file, verify it against its package (dpkg:golang-1.22-go).');
  });

  it('is info on macOS when the build info says it is not a release build (a source or development build)', () => {
    const s = variant(signed('darwin-homebrew', adhoc), (d) => {
      d.candidates[0]!.identity!.go!.buildSettings['vcs'] = 'git';
    });
    const f = only(signatureAbsent(s), 'SIGNATURE_ABSENT');
    expect(f.severity).toBe('info');
    expect(f.evidence[1]).toBe('Go build info: go1.23.4, built from a git checkout, not a release archive');
  });

  it('stays silent when a signer is named, when the signature is invalid (SIGNATURE_INVALID), and on snapshots without signature facts', () => {
    expect(signatureAbsent(signed('windows-msi', { kind: 'authenticode', valid: true, signer: 'Google LLC', reasons: [] }))).toEqual([]);
    expect(
      signatureAbsent(
        signed('darwin-pkg-installer', { kind: 'developer-id', valid: true, signer: 'Developer ID Application: Google LLC (EQHXZ8M8AV)', reasons: [] }),
      ),
    ).toEqual([]);
    expect(signatureAbsent(signed('darwin-pkg-installer', { ...adhoc, valid: false, reasons: ['x'] }))).toEqual([]);
    for (const name of GENUINE_FIXTURES) expect(signatureAbsent(loadSnapshot(name))).toEqual([]);
    expect(signatureAbsent(withIdentity(loadSnapshot('linux-wrapper-version-lie'), 0, { signature: none }))).toEqual([]);
  });
});
