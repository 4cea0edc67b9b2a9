import type { Check } from './finding.js';
import { goSaid, unsetAdvice } from './go-said.js';
import { settingSource } from './toolchain-view.js';

/** GOWORK set by the user to a go.work this go can't use (it needs a newer Go, is missing or malformed): every build fails, anywhere. */
export const goworkUnusable: Check = (facts) => {
  const s = settingSource(facts, 'GOWORK');
  if (!s || s.source === 'default' || !s.value || s.value === 'off') return [];
  const said = goSaid(facts, /go\.work requires go >=|reading go\.work|go\.work:\d+|go\.work[^\n]*(unknown directive|invalid|errors parsing)/);
  if (!said) return [];
  const needs = /requires go >= (\S+)/.exec(said.line)?.[1];
  const running = facts.goEnv?.GOVERSION;
  const fix = needs
    ? `${s.value} needs go ≥ ${needs}${running ? ` and this is ${running}` : ''}: ${unsetAdvice('GOWORK', s.source)} (or GOWORK=off) outside that workspace, or install a newer Go (GOTOOLCHAIN=auto fetches it when online).`
    : /no such file/.test(said.line)
      ? `GOWORK=${s.value} does not exist: ${unsetAdvice('GOWORK', s.source)}, or point it at the workspace's go.work.`
      : `Fix ${s.value} (go work edit -fmt shows what go rejects), or ${unsetAdvice('GOWORK', s.source)}.`;
  return [
    {
      code: 'GOWORK_UNUSABLE',
      severity: 'error',
      message: `GOWORK=${s.value} (${s.source}) applies to every go command, and go can't use it: "${said.line}".`,
      evidence: [`GOWORK=${s.value} (${s.source})`, said.evidence],
      fix,
    },
  ];
};
