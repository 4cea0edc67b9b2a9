import type { Check } from './finding.js';
import { REQUIRED_GOROOT_PARTS, partialRootBesideGo, settingSource, view } from './toolchain-view.js';

export const gorootIncomplete: Check = (facts) => {
  const v = view(facts);
  const g = facts.goroot;
  if (!v.go || !g?.exists || v.isGccgo) return [];
  const partial = partialRootBesideGo(facts);
  if (!partial && /cannot find GOROOT directory/.test(v.goOutput)) return [];
  // A GOROOT only guessed from where a non-answering go sits is no claim anyone made.
  if (!partial && !facts.goEnv && !settingSource(facts, 'GOROOT')) return [];
  const missing = Object.entries(g.parts)
    .filter(([p, present]) => !present && REQUIRED_GOROOT_PARTS.test(p))
    .map(([p]) => p);
  if (missing.length === 0) return [];
  return [
    {
      code: 'GOROOT_INCOMPLETE',
      severity: 'error',
      message: partial
        ? `GOROOT ${g.path}, where ${v.go.realpath} lives, lacks ${missing.join(', ')}; go does not recognise it as its GOROOT without pkg/tool.`
        : `GOROOT ${g.path} lacks ${missing.join(', ')}.`,
      evidence: [
        `${g.path} (→ ${g.realpath}): missing ${missing.join(', ')}; present ${
          Object.entries(g.parts)
            .filter(([, x]) => x)
            .map(([p]) => p)
            .join(', ') || 'none'
        }`,
        ...(partial
          ? [
              `${g.path}${facts.platform.os === 'windows' ? '\\' : '/'}VERSION: ${g.versionFile ?? '(absent)'}`,
              /cannot find GOROOT directory: .*/.exec(v.goOutput)![0],
            ]
          : []),
      ],
      fix: `Reinstall the toolchain into ${g.path} (a partial copy or the wrong directory level), or unset GOROOT if it was set by hand.`,
    },
  ];
};
