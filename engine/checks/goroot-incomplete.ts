import type { Check } from './finding.js';
import { settingSource, view } from './toolchain-view.js';

/** Parts without which no build works; bin/go, VERSION and go.env are optional (the go command may live elsewhere). */
const REQUIRED = /^(src[\\/](runtime|fmt)|pkg[\\/]tool[\\/][^\\/]+[\\/](compile|link|asm)(\.exe)?|pkg[\\/]include)$/;

export const gorootIncomplete: Check = (facts) => {
  const v = view(facts);
  const g = facts.goroot;
  if (!v.go || !g?.exists || v.isGccgo || /cannot find GOROOT directory/.test(v.goOutput)) return [];
  // A GOROOT only guessed from where a non-answering go sits is no claim anyone made.
  if (!facts.goEnv && !settingSource(facts, 'GOROOT')) return [];
  const missing = Object.entries(g.parts).filter(([p, present]) => !present && REQUIRED.test(p)).map(([p]) => p);
  if (missing.length === 0) return [];
  return [
    {
      code: 'GOROOT_INCOMPLETE',
      severity: 'error',
      message: `GOROOT ${g.path} lacks ${missing.join(', ')}.`,
      evidence: [`${g.path} (→ ${g.realpath}): missing ${missing.join(', ')}; present ${Object.entries(g.parts).filter(([, x]) => x).map(([p]) => p).join(', ') || 'none'}`],
      fix: `Reinstall the toolchain into ${g.path} (a partial copy or the wrong directory level), or unset GOROOT if it was set by hand.`,
    },
  ];
};
