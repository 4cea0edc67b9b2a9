import { releaseBuildDeviations } from '../binary/release-build-deviations.js';
import type { FactSnapshot } from '../facts/fact-snapshot.js';
import type { Check } from './finding.js';
import { evidenceOf } from './toolchain-view.js';

/**
 * The go binary, when dpkg says it changed and its own bytes say it is a plain `go build` of cmd/go from the release its
 * GOROOT holds (no make.bash flags): rebuilt in place from the package's sources. Not what the package installed, but no
 * stranger's program either; one built with a release's flags to pass for the package's file gets no such allowance.
 */
function rebuiltInPlace(facts: FactSnapshot, file: string): string | null {
  const g = facts.goroot;
  const id = g?.binary?.go;
  if (!g || !id || id.path !== 'cmd/go' || !g.versionFile || id.version !== g.versionFile) return null;
  const here = [g.binaryPath, ...facts.candidates.map((c) => c.realpath)].filter((p): p is string => !!p);
  if (!here.includes(file)) return null;
  const deviations = releaseBuildDeviations(id, { strict: true });
  return deviations.length > 0 ? deviations.join('; ') : null;
}

/** The package database says files of the toolchain's own packages no longer have the content it installed: tampered. */
export const packageFilesModified: Check = (facts) => {
  const pv0 = facts.packageVerify;
  if (!pv0) return [];
  // $GOROOT/go.env holds settings, not code: an edit there is GOROOT_GOENV_EDITED's to weigh (https://go.dev/doc/toolchain#config).
  // A file another installed package vouches for is a genuine file of another release: TOOLCHAIN_MISMATCH names that skew.
  const vouched = pv0.vouchedBy ?? {};
  const pv = { ...pv0, changed: pv0.changed.filter((f) => !/[\\/]go\.env$/.test(f) && !vouched[f]) };
  if (pv.changed.length === 0) return [];
  const rebuilt = pv.changed.map((f) => ({ f, how: rebuiltInPlace(facts, f) }));
  if (rebuilt.every((r) => r.how !== null)) {
    const { f, how } = rebuilt[0]!;
    return [
      {
        code: 'PACKAGE_FILES_MODIFIED',
        severity: 'warning',
        message: `${f} is not the go ${pv.tool} installed with ${pv.packages[0]}: its build info is a local build of cmd/go ${facts.goroot!.binary!.go!.version} (${how}), rebuilt in place.`,
        evidence: [evidenceOf(pv.command, 6), `${f}: Go build info ${facts.goroot!.binary!.go!.version} cmd/go; $GOROOT/VERSION ${facts.goroot!.versionFile}`],
        fix:
          pv.tool === 'dpkg'
            ? `If you did not rebuild it yourself, find out who did; the package's own go comes back with apt-get install --reinstall ${pv.packages.join(' ')}`
            : `If you did not rebuild it yourself, find out who did; the package's own go comes back with dnf reinstall ${pv.packages.join(' ')}`,
      },
    ];
  }
  const shown = pv.changed.slice(0, 5);
  return [
    {
      code: 'PACKAGE_FILES_MODIFIED',
      severity: 'error',
      message: `${pv.changed.length} file${pv.changed.length > 1 ? 's' : ''} of ${pv.packages.join(', ')} no longer match${pv.changed.length > 1 ? '' : 'es'} what ${pv.tool} installed: ${shown.join(', ')}${pv.changed.length > shown.length ? ', …' : ''}.`,
      evidence: [evidenceOf(pv.command, 6), ...(pv.missing.length ? [`missing: ${pv.missing.slice(0, 5).join(', ')}`] : [])],
      fix:
        pv.tool === 'dpkg'
          ? `Find out who changed them, then restore the packages: apt-get install --reinstall ${pv.packages.join(' ')}`
          : `Find out who changed them, then restore the packages: dnf reinstall ${pv.packages.join(' ')}`,
    },
  ];
};
