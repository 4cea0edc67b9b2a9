import type { FactSnapshot } from './fact-snapshot.js';
import { maskCredentials } from './mask-credentials.js';

/** Home directories whose last part names no one (or is a product's own, like Linuxbrew's). */
const SHARED_HOMES = new Set(['shared', 'public', 'default', 'default user', 'all users', 'linuxbrew', 'root', 'administrator']);
const HOST_VARIABLES = ['HOSTNAME', 'COMPUTERNAME', 'USERDOMAIN', 'USERDOMAIN_ROAMINGPROFILE', 'LOGONSERVER', 'HOST'];
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Makes a snapshot fit for a public bug report, on Linux, macOS and Windows snapshots alike: the user's home becomes
 * $HOME (%USERPROFILE% on Windows), other users' homes and the user name placeholders, host names go, and
 * credentials (URL user info, user:token@ module patterns, secret-named values, netrc logins, tokens) are masked.
 * `redactions` says what kinds were replaced, never the values. Paths keep their shape, so `goverity reproduce`
 * can put the placeholders back as a home of its own.
 */
export function redactSnapshot(facts: FactSnapshot): FactSnapshot {
  const windows = facts.platform.os === 'windows';
  const flags = windows ? 'gi' : 'g';
  const redactions = new Set<string>(facts.redactions);
  const envValue = (name: string): string | undefined => {
    const k = Object.keys(facts.env).find((x) => (windows ? x.toUpperCase() === name : x === name));
    return k === undefined ? undefined : facts.env[k];
  };
  const homePlaceholder = windows ? '%USERPROFILE%' : '$HOME';
  const userPlaceholder = windows ? '%USERNAME%' : '$USER';
  type Rule = { re: RegExp; to: (groups: string[]) => string; what: string; skip?: (before: string) => boolean; keep?: (groups: string[]) => boolean };
  const rules: Rule[] = [];
  // Each home in both spellings a snapshot holds it in: as is, and JSON-escaped inside go env -json output.
  const addLiteral = (value: string, to: string, what: string, skip?: Rule['skip']) => {
    const spellings = new Set([value, value.replace(/\\/g, '\\\\')]);
    for (const v of spellings) rules.push({ re: new RegExp(`${escapeRe(v)}(?![A-Za-z0-9_])`, flags), to: () => to, what, skip });
  };
  for (const name of ['HOME', 'USERPROFILE']) {
    const h = envValue(name);
    const absolute = windows ? /^[A-Za-z]:\\./.test(h ?? '') : (h ?? '').startsWith('/');
    const trimmed = (h ?? '').replace(/[\\/]+$/, '');
    if (absolute && trimmed.length > 1 && !/^(\/root|[A-Za-z]:)$/i.test(trimmed) && !trimmed.includes(homePlaceholder))
      addLiteral(trimmed, homePlaceholder, 'home directory');
  }
  // Other people's homes (a GOPATH or GOROOT copied from a colleague): the directory name is theirs.
  const shared = (g: string[]) => SHARED_HOMES.has((g[1] ?? '').toLowerCase());
  rules.push({ re: /(\/(?:home|Users)\/)(?!\$)([^/\s:;"',]+)/g, to: (g) => `${g[0]}$OTHER_USER`, what: "another user's home directory", keep: shared });
  rules.push({
    re: /([A-Za-z]:\\{1,2}Users\\{1,2})(?![$%])([^\\\s:;"',]+)/gi,
    to: (g) => `${g[0]}%OTHER_USER%`,
    what: "another user's home directory",
    keep: shared,
  });
  const users = new Set(
    ['USER', 'USERNAME', 'LOGNAME'].map(envValue).filter((u): u is string => !!u && u.length >= 2 && !['root', 'administrator'].includes(u.toLowerCase())),
  );
  // A short name like "dev" is also /dev: a name that is a whole top-level directory of a path is left alone.
  const topLevel = (before: string) => before === '/' || /^[\s"'=:;,(]\/$/.test(before);
  for (const u of users)
    rules.push({ re: new RegExp(`(?<![A-Za-z0-9_])${escapeRe(u)}(?![A-Za-z0-9_])`, flags), to: () => userPlaceholder, what: 'user name', skip: topLevel });
  const hosts = HOST_VARIABLES.map(envValue).filter((h): h is string => !!h && h.length >= 2);
  for (const h of hosts) rules.push({ re: new RegExp(`(?<![A-Za-z0-9_.-])${escapeRe(h)}(?![A-Za-z0-9_-])`, 'gi'), to: () => '$HOSTNAME', what: 'host name' });

  const scrub = (s: string): string => {
    let out = s;
    for (const r of rules) {
      const next = out.replace(r.re, (m: string, ...rest: unknown[]) => {
        const at = rest.findIndex((x) => typeof x === 'number');
        const groups = rest.slice(0, at) as string[];
        const offset = rest[at] as number;
        // Two characters of context are all a skip rule reads (and all a megabyte of output can afford per match).
        if (r.skip?.(out.slice(Math.max(0, offset - 2), offset)) || r.keep?.(groups)) return m;
        return r.to(groups);
      });
      if (next !== out)
        redactions.add(
          r.what === 'home directory' ? `home directory → ${homePlaceholder}` : r.what === 'user name' ? `user name → ${userPlaceholder}` : r.what,
        );
      out = next;
    }
    const masked = maskCredentials(out);
    for (const k of masked.kinds) redactions.add(k);
    return masked.text;
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return scrub(v);
    if (Array.isArray(v)) return v.map(walk);
    // Keys are the schema's and variable names, never a user's data: a home called "env" must not rename a field.
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  const out = { ...(walk({ ...facts, redactions: [] }) as FactSnapshot), schema: facts.schema, collectedAt: facts.collectedAt };
  for (const k of Object.keys(out.env)) {
    if (HOST_VARIABLES.includes(windows ? k.toUpperCase() : k)) {
      delete out.env[k];
      redactions.add('host name');
    }
  }
  // ssh targets name a user and a host.
  const target = out.target.replace(/^([a-z-]+:)(?:[^@\s]+@)?([^:/\s]+)/i, (m, scheme: string) => (/^(ssh|vagrant):/i.test(scheme) ? `${scheme}$HOSTNAME` : m));
  if (target !== out.target) redactions.add('host name');
  out.target = target;
  out.redactions = [...redactions].sort();
  return out;
}
