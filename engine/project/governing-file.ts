import type { EnvFileFact } from '../facts/fact-snapshot.js';
import { goModLine } from './go-version.js';
import type { GoverningFile } from './select-toolchain.js';

/** The file whose go and toolchain lines select the toolchain: the go.work when there is one, else the go.mod (select.go modGoToolchain). */
export function governingFile(work: EnvFileFact | null, mod: EnvFileFact | null): GoverningFile | null {
  const f = work?.content != null ? { ...work, kind: 'go.work' as const } : mod?.content != null ? { ...mod, kind: 'go.mod' as const } : null;
  if (!f) return null;
  return { path: f.path, kind: f.kind, goLine: goModLine(f.content!, 'go'), toolchainLine: goModLine(f.content!, 'toolchain') };
}
