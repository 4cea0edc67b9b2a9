import type { EnvFileFact } from '../facts/fact-snapshot.js';
import type { ProbeContext } from './probe-context.js';
import { envGet } from './probe-context.js';

const KEEP_PREFIXES = ['GO', 'CGO_', 'ASDF_', 'GVM', 'MISE_', 'RTX_', 'GIMME_', 'SCOOP', 'HOMEBREW_', 'XDG_', 'PKG_CONFIG'];
const KEEP_NAMES = [
  'PATH',
  'PATHEXT',
  'HOME',
  'USERPROFILE',
  'APPDATA',
  'LOCALAPPDATA',
  'ProgramFiles',
  'CC',
  'CXX',
  'AR',
  'TMPDIR',
  'TEMP',
  'TMP',
  'SHELL',
  'ComSpec',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'USER',
  'USERNAME',
];

/** Only the variables that bear on Go; the rest of a user's environment is none of our business. */
export function relevantEnv(env: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(env).sort()) {
    const upper = k.toUpperCase();
    if (KEEP_NAMES.some((n) => n.toUpperCase() === upper) || KEEP_PREFIXES.some((p) => upper.startsWith(p))) out[k] = env[k] ?? '';
  }
  return out;
}

/** Where `go` keeps `go env -w` settings when it can't tell us itself: os.UserConfigDir()/go/env. */
export function defaultUserEnvFile(ctx: ProbeContext): string | null {
  const explicit = envGet(ctx, 'GOENV');
  if (explicit) return explicit === 'off' ? null : explicit;
  const p = ctx.paths;
  if (ctx.platform.os === 'windows') {
    const appdata = envGet(ctx, 'APPDATA');
    return appdata ? p.join(appdata, 'go', 'env') : null;
  }
  const home = envGet(ctx, 'HOME');
  if (ctx.platform.os === 'darwin') return home ? p.join(home, 'Library', 'Application Support', 'go', 'env') : null;
  const xdg = envGet(ctx, 'XDG_CONFIG_HOME');
  if (xdg) return p.join(xdg, 'go', 'env');
  return home ? p.join(home, '.config', 'go', 'env') : null;
}

export async function readEnvFile(ctx: ProbeContext, path: string | null): Promise<EnvFileFact | null> {
  if (!path || path === 'off') return null;
  const f = await ctx.transport.readFile(path, 64 << 10);
  return { path, content: f ? Buffer.from(f.bytes).toString('utf8') : null };
}

/** Parses a go.env-style file: KEY=VALUE lines, # comments. */
export function parseEnvFile(content: string | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of (content ?? '').split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const i = line.indexOf('=');
    if (i > 0) out[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return out;
}

export async function probeContainer(ctx: ProbeContext): Promise<{ detected: boolean; evidence: string[] }> {
  const evidence: string[] = [];
  if (ctx.transport.isContainer) evidence.push(`target ${ctx.transport.target} is a container`);
  if (ctx.platform.os === 'linux') {
    const [dockerenv, containerenv, cgroup] = await Promise.all([
      ctx.lstat('/.dockerenv'),
      ctx.lstat('/run/.containerenv'),
      ctx.transport.readFile('/proc/1/cgroup', 64 << 10),
    ]);
    if (dockerenv) evidence.push('/.dockerenv exists');
    if (containerenv) evidence.push('/run/.containerenv exists (podman)');
    const cg = cgroup ? Buffer.from(cgroup.bytes).toString('utf8') : '';
    const m = /(docker|kubepods|containerd|lxc|libpod)[^\n]*/.exec(cg);
    if (m) evidence.push(`/proc/1/cgroup: ${m[0].slice(0, 120)}`);
  }
  return { detected: evidence.length > 0, evidence };
}
