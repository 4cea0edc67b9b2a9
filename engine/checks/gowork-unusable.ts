import type { Check } from './finding.js';
import { goSaid, unsetAdvice } from './go-said.js';
import { settingSource } from './toolchain-view.js';

/**
 * GOWORK set by the user to a go.work this go can't use: it needs a newer Go (refused under GOTOOLCHAIN=local, or a
 * switch to that Go that fails offline), is missing or malformed. Every build fails, in any directory.
 */
export const goworkUnusable: Check = (facts) => {
  const s = settingSource(facts, 'GOWORK');
  if (!s || s.source === 'default' || !s.value || s.value === 'off') return [];
  const file = facts.diagnosis?.goWork;
  // The go.work's own `go` and `toolchain` lines: what it asks of the go command.
  const wants = /^\s*toolchain\s+go(\S+)/m.exec(file?.content ?? '')?.[1] ?? /^\s*go\s+(\S+)/m.exec(file?.content ?? '')?.[1] ?? null;
  const local = (facts.goEnv?.GOVERSION ?? /go version go(\S+)/.exec(facts.commands.versionLocal?.stdout ?? '')?.[1] ?? '').replace(/^go/, '');
  const newer = !!wants && !!local && compareVersions(wants, local) > 0;
  const switchTo = newer ? new RegExp(`downloading go${wants!.replace(/\./g, '\\.')}|download go${wants!.replace(/\./g, '\\.')}`) : null;
  const said = goSaid(facts, /go\.work requires go >=|reading go\.work|go\.work:\d+/) ?? (switchTo ? goSaid(facts, switchTo) : null);
  if (!said) return [];
  const needs = /requires go >= (\S+)/.exec(said.line)?.[1] ?? (newer ? wants : null);
  const fix = needs
    ? `${s.value} needs go ≥ ${needs}${local ? ` and this is go${local}` : ''}: ${unsetAdvice('GOWORK', s.source)} (or GOWORK=off) outside that workspace, or install a newer Go (GOTOOLCHAIN=auto fetches it when online).`
    : /no such file/.test(said.line)
      ? `GOWORK=${s.value} does not exist: ${unsetAdvice('GOWORK', s.source)}, or point it at the workspace's go.work.`
      : `Fix ${s.value} (go work edit -fmt shows what go rejects), or ${unsetAdvice('GOWORK', s.source)}.`;
  return [
    {
      code: 'GOWORK_UNUSABLE',
      severity: 'error',
      message: `GOWORK=${s.value} (${s.source}) applies to every go command, and go can't use it: "${said.line.slice(0, 300)}".`,
      evidence: [`GOWORK=${s.value} (${s.source})`, ...(file?.content && wants ? [`${file.path}: asks for go ${wants}`] : []), said.evidence],
      fix,
    },
  ];
};

/** 1.99 vs 1.22.12, numerically; a prerelease suffix (rc1) is ignored. */
function compareVersions(a: string, b: string): number {
  const pa = a
    .split(/[^\d]+/)
    .filter(Boolean)
    .map(Number);
  const pb = b
    .split(/[^\d]+/)
    .filter(Boolean)
    .map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}
