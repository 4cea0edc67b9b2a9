import type { Check } from './finding.js';
import { settingSource } from './toolchain-view.js';

export const go111moduleOff: Check = (facts) => {
  const s = settingSource(facts, 'GO111MODULE');
  if (s?.value !== 'off') return [];
  return [
    {
      code: 'GO111MODULE_OFF',
      severity: 'warning',
      message: 'Module mode is off (GO111MODULE=off): go.mod files, go install pkg@version and toolchain selection are ignored.',
      evidence: [`GO111MODULE=off (${s.source})`],
      fix: s.source === 'user env file' ? 'go env -u GO111MODULE' : 'unset GO111MODULE',
    },
  ];
};
