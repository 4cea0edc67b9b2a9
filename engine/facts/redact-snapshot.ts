import type { FactSnapshot } from './fact-snapshot.js';

/** Makes a snapshot fit for a public bug report: home, user and host names replaced, credentials masked; records what it did. */
export function redactSnapshot(facts: FactSnapshot): FactSnapshot {
  const redactions = new Set<string>(facts.redactions);
  const homes = ['HOME', 'USERPROFILE'].map((k) => facts.env[k]).filter((h): h is string => !!h && h.length > 1 && h !== '/root');
  const users = ['USER', 'USERNAME'].map((k) => facts.env[k]).filter((u): u is string => !!u && u.length > 2 && u !== 'root');
  const scrub = (s: string): string => {
    let out = s;
    for (const h of homes) if (out.includes(h)) { out = out.split(h).join(facts.platform.os === 'windows' ? '%USERPROFILE%' : '$HOME'); redactions.add('home directory'); }
    for (const u of users) {
      const re = new RegExp(`(?<![A-Za-z0-9_])${u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_])`, 'g');
      if (re.test(out)) { out = out.replace(re, '$USER'); redactions.add('user name'); }
    }
    const masked = out.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s@:]+(:[^/\s@]*)?@/gi, '$1***@');
    if (masked !== out) redactions.add('credentials in URLs');
    return masked;
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return scrub(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [scrub(k), walk(x)]));
    return v;
  };
  const out = walk({ ...facts, redactions: [] }) as FactSnapshot;
  for (const k of ['HOSTNAME', 'COMPUTERNAME']) if (out.env[k]) { delete out.env[k]; redactions.add('host name'); }
  out.redactions = [...redactions].sort();
  return out;
}
