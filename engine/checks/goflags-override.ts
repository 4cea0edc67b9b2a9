import type { Check } from './finding.js';
import { settingSource } from './toolchain-view.js';

/** Flags that change what gets built or fetched; -v, -x, -p, -buildvcs and -trimpath only change output or metadata. */
const CHANGES_BUILD = /(^|\s)-(mod=(vendor|mod)|tags|ldflags|gcflags|asmflags|toolexec|overlay|race|msan|asan|modfile|pgo|buildmode|insecure)\b/;

export const goflagsOverride: Check = (facts) => {
  const s = settingSource(facts, 'GOFLAGS');
  if (!s?.value.trim() || s.source === 'default') return [];
  const alters = CHANGES_BUILD.test(s.value);
  return [
    {
      code: 'GOFLAGS_OVERRIDE',
      severity: alters ? 'warning' : 'info',
      message: `GOFLAGS="${s.value}" (from ${s.source}) applies to every go command${alters ? ' and changes what gets built or fetched' : ''}.`,
      evidence: [`GOFLAGS=${s.value} (${s.source})`],
      fix: alters
        ? s.source === 'user env file'
          ? 'go env -u GOFLAGS, and pass such flags per command.'
          : 'Unset GOFLAGS and pass such flags per command.'
        : null,
    },
  ];
};
