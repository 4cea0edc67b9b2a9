import type { Check } from './finding.js';
import { view } from './toolchain-view.js';

/** Two different toolchains on PATH: the first wins, and users often installed the other one on purpose. */
export const goPathShadowed: Check = (facts) => {
  const v = view(facts);
  const first = v.go;
  if (!first?.realpath) return [];
  // The first go is judged by the toolchain that serves it, so a wrapper in front of the same release shadows nothing;
  // a later shim or wrapper by what it answered to go env GOVERSION (another manager's shim selects its own release).
  const versionOf = (c: typeof first) => (c === first ? v.builtVersion : (c.identity?.go?.version ?? c.goEnvAnswer?.goVersion ?? null));
  const others = facts.candidates.filter(
    (c) => c !== first && c.executable && c.realpath && c.realpath !== first.realpath && versionOf(c) !== null && versionOf(c) !== versionOf(first),
  );
  if (others.length === 0) return [];
  return [
    {
      code: 'GO_PATH_SHADOWED',
      severity: 'warning',
      message: `${first.path} (${versionOf(first) ?? 'not a Go binary'}) shadows ${others.map((o) => `${o.path} (${versionOf(o)})`).join(', ')} later on PATH.`,
      evidence: [first, ...others].map(
        (c) =>
          `PATH[${c.index}] ${c.path} → ${c.realpath}: ${versionOf(c) ?? 'no Go build info'}${c !== first && !c.identity?.go && c.goEnvAnswer ? ` (go env GOVERSION; GOROOT ${c.goEnvAnswer.goroot ?? '?'})` : ''}`,
      ),
      fix: `To use ${others[0]!.path}, put ${others[0]!.dir} before ${first.dir} on PATH (or uninstall the go in ${first.dir}); to keep ${first.path}, remove ${others[0]!.dir} from PATH.`,
    },
  ];
};
