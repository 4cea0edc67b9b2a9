import type { BinaryIdentity } from '../binary/binary-identity.js';
import type { FactSnapshot } from '../facts/fact-snapshot.js';
import type { Check } from './finding.js';
import { view } from './toolchain-view.js';

/** Every toolchain binary the probes identified: the go that runs, $GOROOT/bin/go, and the tool dir's compile, link, asm. */
function identifiedBinaries(facts: FactSnapshot): { path: string; id: BinaryIdentity }[] {
  const out = new Map<string, BinaryIdentity>();
  const go = view(facts).go;
  if (go?.realpath && go.identity) out.set(go.realpath, go.identity);
  const g = facts.goroot;
  if (g?.binary && !out.has(g.binaryPath)) out.set(g.binaryPath, g.binary);
  const sep = facts.platform.os === 'windows' ? '\\' : '/';
  for (const [rel, id] of Object.entries(g?.tools ?? {})) if (id && g) out.set(`${g.path}${sep}${rel}`, id);
  return [...out].map(([path, id]) => ({ path, id }));
}

const KIND = { adhoc: 'ad-hoc', 'developer-id': 'Developer ID', authenticode: 'Authenticode', none: 'no' } as const;

/** A toolchain binary whose embedded signature does not match its bytes: changed after signing. */
export const signatureInvalid: Check = (facts) => {
  const bad = identifiedBinaries(facts).filter((b) => b.id.signature?.valid === false);
  if (bad.length === 0) return [];
  const first = bad[0]!;
  const sig = first.id.signature!;
  return [
    {
      code: 'SIGNATURE_INVALID',
      severity: 'error',
      message: `${first.path} carries ${/^[AEIOUaeiou]/.test(KIND[sig.kind]) ? 'an' : 'a'} ${KIND[sig.kind]} code signature that does not hold: ${sig.reasons[0] ?? 'it does not verify'}${bad.length > 1 ? ` (and ${bad.length - 1} more file${bad.length > 2 ? 's' : ''})` : ''}.`,
      evidence: bad.map(({ path, id }) => {
        const s = id.signature!;
        return `${path}: ${id.format} ${id.os ?? '?'}/${id.arch ?? '?'}, ${KIND[s.kind]} signature${s.signer ? ` by ${s.signer}` : ''}, invalid: ${s.reasons.join('; ')}`;
      }),
      fix: 'The file changed after it was signed (tampering, a patched or damaged copy): reinstall Go from https://go.dev/dl or your package manager, and compare its checksum with the published one.',
    },
  ];
};
