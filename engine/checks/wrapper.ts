import type { Check } from './finding.js';
import { view } from './toolchain-view.js';
import { versionManager } from './version-manager.js';

export const wrapper: Check = (facts) => {
  const v = view(facts);
  if (!v.go || !v.isIndirection || versionManager(facts) || !v.toolchainBinary || !facts.goroot || !facts.goEnv) return [];
  return [
    {
      code: 'WRAPPER',
      severity: 'info',
      message: `${v.go.path} is a ${v.go.identity?.format === 'script' || v.go.scriptHead !== null ? 'script' : 'program'} in front of the real go at ${facts.goroot.binaryPath}.`,
      evidence: [
        `chain: ${[...v.go.hops.map((h) => h.path), facts.goroot.binaryPath].join(' → ')}`,
        ...(v.go.scriptHead ? [`${v.go.realpath}: ${v.go.scriptHead.split(/\r?\n/).slice(0, 4).join(' | ').slice(0, 240)}`] : []),
      ],
      fix: null,
    },
  ];
};
