/** What masking found, by kind: the snapshot records the kinds, never the values. */
export type CredentialKind =
  | 'credentials in URLs'
  | 'credentials in module patterns'
  | 'secret-named values'
  | 'netrc-style logins'
  | 'access tokens'
  | 'authorization headers';

const MASK = '***';

// Every repetition is bounded: a snapshot can hold a megabyte of a flooding go's output, and an unbounded
// pattern over it would backtrack for hours.
const RULES: [CredentialKind, RegExp, (m: string, ...g: string[]) => string][] = [
  // scheme://user:password@host (GOPROXY, http_proxy, git URLs in scripts and go env -w files)
  ['credentials in URLs', /(\b[a-z][a-z0-9+.-]{0,31}:\/\/)(?!\*\*\*@)[^/\s@:'"]{1,256}(:[^/\s@'"]{0,256})?@/gi, (_m, scheme) => `${scheme}${MASK}@`],
  // user:token@host/path in GOPRIVATE, GONOPROXY, GONOSUMDB, GOINSECURE lists (no scheme, comma separated)
  ['credentials in module patterns', /(^|[\s,|=;'"])(?!\*\*\*:)[^\s,|=;'"/@:]{1,256}:[^\s,|=;'"/@]{1,256}@(?=[A-Za-z0-9*])/g, (_m, lead) => `${lead}${MASK}@`],
  // -ldflags=-X main.token=..., GITHUB_TOKEN=..., password: ... (GOFLAGS, scripts, env files)
  [
    'secret-named values',
    /\b([A-Za-z0-9_.-]{0,64}(?:token|password|passwd|secret|api[_-]?key|access[_-]?key|credential)[A-Za-z0-9_.-]{0,64})([ \t]{0,8}[=:][ \t]{0,8})(?!\*\*\*)[^\s,;'"&]{1,1024}/gi,
    (_m, name, sep) => `${name}${sep}${MASK}`,
  ],
  // netrc: machine HOST login USER password SECRET (GOAUTH=netrc, netrc lines pasted into scripts)
  [
    'netrc-style logins',
    /(\bmachine\s{1,16}\S{1,256})((?:\s{1,16}(?:login|password|account)\s{1,16}\S{1,1024}){1,8})/gi,
    (_m, head, pairs) => `${head}${pairs.replace(/(login|password|account)(\s+)\S+/gi, (_p, k, sp) => `${k}${sp}${MASK}`)}`,
  ],
  ['authorization headers', /\b(Authorization:[ \t]{0,8}(?:Basic|Bearer|token)[ \t]{1,8})(?!\*\*\*)\S{1,4096}/gi, (_m, head) => `${head}${MASK}`],
  // GitHub, GitLab, Slack, AWS token shapes, wherever they turn up
  [
    'access tokens',
    /\b(?:gh[pousr]_[A-Za-z0-9]{20,255}|github_pat_[A-Za-z0-9_]{20,255}|glpat-[A-Za-z0-9_-]{20,255}|xox[abpr]-[A-Za-z0-9-]{10,255}|AKIA[0-9A-Z]{16})\b/g,
    () => MASK,
  ],
];

/** Masks every credential-looking part of a string; returns the masked string and the kinds it masked. */
export function maskCredentials(s: string): { text: string; kinds: CredentialKind[] } {
  const kinds: CredentialKind[] = [];
  let text = s;
  for (const [kind, re, replace] of RULES) {
    const next = text.replace(re, replace as (m: string, ...g: string[]) => string);
    if (next !== text && !kinds.includes(kind)) kinds.push(kind);
    text = next;
  }
  return { text, kinds };
}
