import type { Check } from './finding.js';

/** Raised only from --online probes: verification is hermetic otherwise, and offline is not a fault. */
export const proxyUnreachable: Check = (facts) => {
  const failed = facts.online?.proxy.filter((p) => !p.ok) ?? [];
  if (failed.length === 0) return [];
  return [
    {
      code: 'PROXY_UNREACHABLE',
      severity: 'warning',
      message: `Modules cannot be fetched through GOPROXY=${facts.goEnv?.GOPROXY ?? '?'}.`,
      evidence: failed.map((p) => `${p.url}: ${p.detail}`),
      fix: 'Check network access to the proxies in GOPROXY (and HTTPS_PROXY), or set GOPROXY to one you can reach.',
    },
  ];
};
