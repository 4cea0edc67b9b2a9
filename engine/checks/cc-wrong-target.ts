import type { Check } from './finding.js';
import { unsetAdvice } from './go-said.js';
import { evidenceOf, ok, settingSource } from './toolchain-view.js';

// GNU triplet CPU → GOARCH (https://wiki.osdev.org/Target_Triplet); an unknown CPU is never judged.
const ARCH: [RegExp, string][] = [
  [/^(x86_64|amd64)$/, 'amd64'],
  [/^i[3-6]86$/, '386'],
  [/^(aarch64|arm64)$/, 'arm64'],
  [/^arm/, 'arm'],
  [/^riscv64$/, 'riscv64'],
  [/^powerpc64le$/, 'ppc64le'],
  [/^s390x$/, 's390x'],
  [/^mips64el$/, 'mips64le'],
  [/^loongarch64$/, 'loong64'],
];

/** The C compiler in CC builds for another machine than go does (a cross gcc with a native GOARCH): every cgo build fails. */
export const ccWrongTarget: Check = (facts) => {
  const m = facts.diagnosis?.ccMachine;
  const goArch = facts.goEnv?.GOARCH;
  if (!m || !ok(m) || !goArch || ok(facts.commands.buildCgo)) return [];
  const triplet = m.stdout.trim().split('\n')[0] ?? '';
  const cpu = triplet.split('-')[0] ?? '';
  const ccArch = ARCH.find(([re]) => re.test(cpu))?.[1];
  if (!ccArch || ccArch === goArch) return [];
  // CC is not a GO*/CGO_* variable, so the environment is read directly; go env -w CC lands in the user env file.
  const cc = facts.env.CC ? { value: facts.env.CC, source: 'environment' as const } : settingSource(facts, 'CC');
  const ccName = facts.goEnv?.CC ?? cc?.value ?? 'CC';
  return [
    {
      code: 'CC_WRONG_TARGET',
      severity: 'warning',
      message: `CC=${ccName}${cc && cc.source !== 'default' ? ` (${cc.source})` : ''} compiles for ${triplet}, but go builds for ${facts.goEnv?.GOOS ?? facts.platform.os}/${goArch}: every cgo build fails.`,
      evidence: [evidenceOf(m, 1), evidenceOf(facts.commands.buildCgo, 4)],
      fix: `${cc && cc.source !== 'default' ? unsetAdvice('CC', cc.source) : "Set CC to this machine's compiler"} (or point CC at a compiler for ${goArch}); keep a cross CC for cross builds, set with GOARCH on that command (with CGO_ENABLED=0 it is never used).`,
    },
  ];
};
