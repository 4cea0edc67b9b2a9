import type { Check } from './finding.js';
import { settingSource } from './toolchain-view.js';

export const cgoDisabled: Check = (facts) => {
  if (facts.goEnv?.CGO_ENABLED !== '0') return [];
  const src = settingSource(facts, 'CGO_ENABLED');
  const explicit = src && src.source !== 'default';
  return [
    {
      code: 'CGO_DISABLED',
      severity: 'info',
      message: explicit ? `cgo is off (CGO_ENABLED=0 from ${src.source}).` : 'cgo is off: go turned it off by itself because no C compiler was found.',
      evidence: [`go env CGO_ENABLED: 0${explicit ? ` (${src.source})` : ' (not set anywhere)'}`],
      fix: null,
    },
  ];
};
