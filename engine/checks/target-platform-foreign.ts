import type { Check } from './finding.js';
import { PURE_MARKER } from '../probes/probe-programs.js';
import { unsetAdvice } from './go-said.js';
import { evidenceOf, ok, settingSource } from './toolchain-view.js';

// runtime/asm_amd64.s: a GOAMD64=vN binary started on a CPU below vN prints this and exits.
const MICROARCH = /can only be run on AMD64 processors with (v\d) microarchitecture support/;

/** GOOS/GOARCH/GOAMD64 set (by the user, not go's default) to a platform this machine can't run: builds work, programs don't. */
export const targetPlatformForeign: Check = (facts) => {
  const { buildPure, runPure } = facts.commands;
  if (!ok(buildPure) || (ok(runPure) && runPure!.stdout.includes(PURE_MARKER))) return [];
  const set = (['GOOS', 'GOARCH'] as const)
    .map((k) => [k, settingSource(facts, k)] as const)
    .filter(([k, s]) => s && s.source !== 'default' && s.value !== (k === 'GOOS' ? facts.platform.os : facts.platform.arch));
  const micro = MICROARCH.exec(`${runPure?.stdout ?? ''}\n${runPure?.stderr ?? ''}`);
  const amd64 = micro ? settingSource(facts, 'GOAMD64') : null;
  if (set.length === 0 && !(amd64 && amd64.source !== 'default')) return [];
  const vars = set.length ? set.map(([k, s]) => ({ k, s: s! })) : [{ k: 'GOAMD64', s: amd64! }];
  const names = vars.map(({ k, s }) => `${k}=${s.value}`).join(' ');
  const where = [...new Set(vars.map(({ s }) => s.source))].join(' and ');
  return [
    {
      code: 'TARGET_PLATFORM_FOREIGN',
      severity: 'error',
      message: `${names} is set in your ${where}: binaries you build won't run here (${facts.platform.os}/${facts.platform.arch}${micro ? `, a CPU below amd64 ${micro[1]}` : ''}), and go run and go test fail.`,
      evidence: [...vars.map(({ k, s }) => `${k}=${s.value} (${s.source})`), evidenceOf(runPure, 3)],
      fix: `${vars.map(({ k, s }) => unsetAdvice(k, s.source)).join('; ')}; set it per command when you mean to cross-compile (e.g. ${names} go build).`,
    },
  ];
};
