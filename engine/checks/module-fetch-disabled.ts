import type { Check } from './finding.js';
import { settingSource } from './toolchain-view.js';

/** GOPROXY judged from its value, never by contacting it: "off" or a list with no usable entry (cmd/go/internal/modfetch/proxy.go). */
export const moduleFetchDisabled: Check = (facts) => {
  const s = settingSource(facts, 'GOPROXY');
  if (!s || !facts.goEnv) return [];
  const entries = s.value.split(/[,|]/).map((e) => e.trim());
  const off = s.value.trim() === 'off';
  const malformed = s.value.trim() !== '' && entries.every((e) => e === '');
  if (!off && !malformed) return [];
  return [
    {
      code: 'MODULE_FETCH_DISABLED',
      severity: 'warning',
      message: off
        ? 'Module downloads are turned off (GOPROXY=off): any build that needs a module not yet cached fails.'
        : `GOPROXY="${s.value}" has no usable entry.`,
      evidence: [`GOPROXY=${s.value} (${s.source})`],
      fix: s.source === 'user env file' ? 'go env -u GOPROXY' : 'Unset GOPROXY (default: the public proxy, then direct) or list a proxy you can reach.',
    },
  ];
};
