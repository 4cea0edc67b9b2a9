import type { ProbeContext } from './probe-context.js';

/** One answer of the checksum database: at most a few KiB; the ask is bounded like any probe command. */
const LOOKUP_TIMEOUT_S = 20;
const LOOKUP_MAX_BYTES = 64 << 10;

/**
 * Where go would ask the checksum database about `path@version`, in order (https://go.dev/ref/mod#checksum-database):
 * a URL given in GOSUMDB; else each proxy of GOPROXY up to `direct` or `off` (`<proxy>/sumdb/<name>/lookup/…`), then the
 * database itself when GOPROXY reaches `direct`. None when GOSUMDB is off or GONOSUMDB/GOPRIVATE cover the path.
 */
export function sumdbLookupUrls(goEnv: Record<string, string>, path: string, version: string): string[] {
  const name = sumdbName(goEnv.GOSUMDB ?? '');
  if (!name) return [];
  const url = (goEnv.GOSUMDB ?? '').trim().split(/\s+/)[1];
  if (coveredBy(goEnv.GONOSUMDB || goEnv.GOPRIVATE || '', path)) return [];
  const lookup = `lookup/${path}@${version}`;
  if (url) return [`${url.replace(/\/+$/, '')}/${lookup}`];
  const out: string[] = [];
  for (const proxy of (goEnv.GOPROXY ?? '').split(/[,|]/).map((p) => p.trim())) {
    if (proxy === 'off') return out;
    if (proxy === 'direct') return [...out, `https://${name}/${lookup}`];
    // go asks a file:// proxy as it asks an http one (cmd/go/internal/web reads file URLs); curl reads them too.
    if (/^(https?|file):\/\//.test(proxy)) out.push(`${proxy.replace(/\/+$/, '')}/sumdb/${name}/${lookup}`);
  }
  return out;
}

/** GOSUMDB is `name[+key] [url]`; off means go asks no database (https://go.dev/ref/mod#authenticating). */
export function sumdbName(gosumdb: string): string | null {
  const name = gosumdb.trim().split(/\s+/)[0]?.split('+')[0] ?? '';
  return name && name !== 'off' && /^[\w.-]+$/.test(name) ? name : null;
}

/** GONOSUMDB/GOPRIVATE: comma-separated globs, each matched against the path's leading elements (go's module.MatchPrefixPatterns). */
function coveredBy(patterns: string, path: string): boolean {
  const elems = path.split('/');
  return patterns
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .some((p) => {
      const n = p.split('/').length;
      return n <= elems.length && globMatch(p, elems.slice(0, n).join('/'));
    });
}

function globMatch(pattern: string, s: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
  return new RegExp(`^${re}$`).test(s);
}

/** The text at a URL, fetched on the target with curl or wget (whichever it has), or why not. */
export async function fetchOnTarget(ctx: ProbeContext, url: string): Promise<{ text: string } | { problem: string }> {
  const tries = [
    ['curl', '-fsSL', '--max-time', String(LOOKUP_TIMEOUT_S), url],
    ['wget', '-qO-', `--timeout=${LOOKUP_TIMEOUT_S}`, url],
  ];
  let problem = 'neither curl nor wget is on the target';
  for (const argv of tries) {
    const r = await ctx.transport.exec(argv, { env: {}, timeoutMs: (LOOKUP_TIMEOUT_S + 5) * 1000, maxBytes: LOOKUP_MAX_BYTES });
    if (r.spawnError !== null) continue;
    if (r.exitCode === 0 && !r.truncated && !r.timedOut) return { text: r.stdout };
    problem = `${argv[0]} ${url}: ${r.timedOut ? 'timed out' : r.truncated ? 'answered too much' : r.stderr.trim().split('\n').at(-1) || `exit ${r.exitCode}`}`;
    break;
  }
  return { problem };
}
