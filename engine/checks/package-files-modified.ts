import type { Check } from './finding.js';
import { evidenceOf } from './toolchain-view.js';

/** The package database says files of the toolchain's own packages no longer have the content it installed: tampered. */
export const packageFilesModified: Check = (facts) => {
  const pv0 = facts.packageVerify;
  if (!pv0) return [];
  // $GOROOT/go.env holds settings, not code: an edit there is GOROOT_GOENV_EDITED's to weigh (https://go.dev/doc/toolchain#config).
  // A file another installed package vouches for is a genuine file of another release: TOOLCHAIN_MISMATCH names that skew.
  const vouched = pv0.vouchedBy ?? {};
  const pv = { ...pv0, changed: pv0.changed.filter((f) => !/[\\/]go\.env$/.test(f) && !vouched[f]) };
  if (pv.changed.length === 0) return [];
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
