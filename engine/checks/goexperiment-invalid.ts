import type { Check } from './finding.js';
import { goSaid, unsetAdvice } from './go-said.js';
import { settingSource } from './toolchain-view.js';

/** An experiment this go does not know: every go command, even `go version`, stops with `go: unknown GOEXPERIMENT x`. */
export const goexperimentInvalid: Check = (facts) => {
  const said = goSaid(facts, /unknown GOEXPERIMENT|invalid GOEXPERIMENT/);
  if (!said) return [];
  const s = settingSource(facts, 'GOEXPERIMENT');
  return [
    {
      code: 'GOEXPERIMENT_INVALID',
      severity: 'error',
      message: `GOEXPERIMENT${s ? `=${s.value} (${s.source})` : ''} names an experiment this go does not have: "${said.line}"; every go command fails.`,
      evidence: [said.evidence, ...(s ? [`GOEXPERIMENT=${s.value} (${s.source})`] : [])],
      fix: `${s ? unsetAdvice('GOEXPERIMENT', s.source) : 'Unset GOEXPERIMENT'}; experiments come and go between releases (go doc internal/goexperiment lists this release's).`,
    },
  ];
};
