import type { Check } from './finding.js';
import { settingSource } from './toolchain-view.js';

const MATCHES_ALL = (patterns: string) => patterns.split(',').some((p) => ['*', '*/*', '*.*'].includes(p.trim()));

/** Checksum verification off, or exempting every module; from go.env it is a packager's policy (Fedora), so info. */
export const sumdbDisabled: Check = (facts) => {
  const env = facts.goEnv;
  if (!env) return [];
  const reasons: { what: string; source: string }[] = [];
  const sumdb = settingSource(facts, 'GOSUMDB');
  if (sumdb?.value === 'off') reasons.push({ what: 'GOSUMDB=off', source: sumdb.source });
  for (const key of ['GONOSUMDB', 'GONOSUMCHECK', 'GOPRIVATE', 'GOINSECURE']) {
    const s = settingSource(facts, key);
    if (s?.value && MATCHES_ALL(s.value)) reasons.push({ what: `${key}=${s.value}`, source: s.source });
  }
  const flags = settingSource(facts, 'GOFLAGS');
  if (flags && /(^|\s)-insecure\b/.test(flags.value)) reasons.push({ what: `GOFLAGS=${flags.value}`, source: flags.source });
  if (reasons.length === 0) return [];
  const packagerOnly = reasons.every((r) => r.source === 'GOROOT/go.env');
  return [
    {
      code: 'SUMDB_DISABLED',
      severity: packagerOnly ? 'info' : 'warning',
      message: `Module checksums are not verified against the checksum database (${reasons.map((r) => r.what).join(', ')})${packagerOnly ? ", as the toolchain's packager configured it" : ''}.`,
      evidence: reasons.map((r) => `${r.what} (from ${r.source})`),
      fix: packagerOnly ? null : 'Remove the setting (go env -u GOSUMDB / unset it in the environment); list only private module paths in GOPRIVATE.',
    },
  ];
};
