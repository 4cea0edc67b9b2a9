import type { ManagerFact, ToolchainFact } from '../facts/fact-snapshot.js';
import type { ProbeContext } from './probe-context.js';
import { envGet } from './probe-context.js';
import { readVersionFile } from './goroot-probe.js';

interface ManagerLayout {
  name: string;
  /** Root directory, from its own variable or the default under HOME. */
  root: (home: string) => string | null;
  /** Where a version's GOROOT lives, relative to root, with {v} for the version directory. */
  versions: string;
  goroot: string;
}

/** Version managers and SDK layouts, from each project's install scripts (links in docs/provenance.md). */
export function managerLayouts(ctx: ProbeContext): ManagerLayout[] {
  const p = ctx.paths;
  const e = (n: string) => envGet(ctx, n);
  return [
    { name: 'asdf', root: (h) => e('ASDF_DATA_DIR') ?? p.join(h, '.asdf'), versions: 'installs/golang', goroot: '{v}/go' },
    { name: 'goenv', root: (h) => e('GOENV_ROOT') ?? p.join(h, '.goenv'), versions: 'versions', goroot: '{v}' },
    { name: 'gvm', root: (h) => e('GVM_ROOT') ?? p.join(h, '.gvm'), versions: 'gos', goroot: '{v}' },
    {
      name: 'mise',
      root: (h) => e('MISE_DATA_DIR') ?? p.join(e('XDG_DATA_HOME') ?? p.join(h, '.local', 'share'), 'mise'),
      versions: 'installs/go',
      goroot: '{v}',
    },
    { name: 'g', root: (h) => e('G_HOME') ?? p.join(h, '.g'), versions: 'versions', goroot: '{v}' },
    { name: 'golang.org/dl', root: (h) => p.join(h, 'sdk'), versions: '', goroot: '{v}' },
    { name: 'scoop', root: (h) => e('SCOOP') ?? p.join(h, 'scoop'), versions: 'apps/go', goroot: '{v}' },
  ];
}

/** Fixed system locations where toolchains are installed, by who installs them. */
function systemRoots(ctx: ProbeContext, home: string | undefined): { glob: string; source: string }[] {
  if (ctx.platform.os === 'windows') {
    const pf = envGet(ctx, 'ProgramFiles') ?? 'C:\\Program Files';
    return [
      { glob: `${pf}\\Go`, source: 'msi' },
      { glob: 'C:\\Go', source: 'msi (legacy C:\\Go)' },
    ];
  }
  const roots = [
    { glob: '/usr/local/go', source: 'tarball' },
    { glob: '/usr/lib/go-*', source: 'debian' },
    { glob: '/usr/lib/go', source: 'distro' },
    { glob: '/usr/lib/golang', source: 'fedora' },
    { glob: '/usr/local/opt/go/libexec', source: 'homebrew' },
    { glob: '/opt/homebrew/Cellar/go/*/libexec', source: 'homebrew' },
    { glob: '/usr/local/Cellar/go/*/libexec', source: 'homebrew' },
    { glob: '/home/linuxbrew/.linuxbrew/Cellar/go/*/libexec', source: 'homebrew' },
    { glob: '/snap/go/*', source: 'snap' },
    { glob: '/opt/hostedtoolcache/go/*/x64', source: 'setup-go' },
    { glob: '/opt/go*', source: 'manual' },
  ];
  if (home) roots.push({ glob: ctx.paths.join(home, 'go', 'pkg', 'mod', 'golang.org', 'toolchain@*'), source: 'GOTOOLCHAIN download' });
  return roots;
}

async function expand(ctx: ProbeContext, glob: string): Promise<string[]> {
  const parts = glob.split(ctx.platform.os === 'windows' ? '\\' : '/');
  let bases = [parts[0] === '' ? '/' : `${parts[0]}\\`];
  for (const part of parts.slice(1)) {
    if (!part.includes('*')) {
      bases = bases.map((b) => ctx.paths.join(b, part));
      continue;
    }
    const re = new RegExp(`^${part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    const next: string[] = [];
    for (const b of bases) for (const name of (await listDir(ctx, b)) ?? []) if (re.test(name)) next.push(ctx.paths.join(b, name));
    bases = next;
  }
  return bases;
}

/** Listing a directory costs an exec in a container; a stat first spares it for the many that don't exist. */
async function listDir(ctx: ProbeContext, dir: string): Promise<string[] | null> {
  const st = await ctx.lstat(dir);
  if (!st || (st.type !== 'dir' && st.type !== 'symlink')) return null;
  return ctx.transport.readDir(dir);
}

/** Every toolchain installed in a known place, and the version managers present. */
export async function probeInventory(ctx: ProbeContext, gopath: string | null): Promise<{ toolchains: ToolchainFact[]; managers: ManagerFact[] }> {
  const home = envGet(ctx, ctx.platform.os === 'windows' ? 'USERPROFILE' : 'HOME');
  const roots = systemRoots(ctx, home);
  if (gopath && home && !gopath.startsWith(ctx.paths.join(home, 'go'))) {
    roots.push({ glob: ctx.paths.join(gopath, 'pkg', 'mod', 'golang.org', 'toolchain@*'), source: 'GOTOOLCHAIN download' });
  }
  const managers = home
    ? await Promise.all(
        managerLayouts(ctx).map(async (m) => {
          const root = m.root(home);
          if (!root) return null;
          const st = await ctx.lstat(root);
          if (!st) return null;
          const dir = m.versions ? ctx.paths.join(root, m.versions) : root;
          const listed = ((await listDir(ctx, dir)) ?? []).filter((n) => m.name !== 'golang.org/dl' || /^go\d/.test(n));
          // mise (and Scoop's `current`) keep aliases beside the installs: links such as 1.26 → ./1.26.8 are no release of their own.
          const kinds = await Promise.all(listed.map(async (n) => (await ctx.lstat(ctx.paths.join(dir, n)))?.type));
          const names = listed.filter((_, i) => kinds[i] !== 'symlink');
          if (m.name === 'golang.org/dl' && names.length === 0) return null;
          const fact: ManagerFact = { name: m.name, root, installed: names, evidence: [`${root} exists`] };
          return { fact, roots: names.map((n) => ({ path: ctx.paths.join(dir, m.goroot.replace('{v}', n)), source: m.name })) };
        }),
      )
    : [];
  const found = await Promise.all(roots.map(async (r) => (await expand(ctx, r.glob)).map((path) => ({ path, source: r.source }))));
  const candidates = [...found.flat(), ...managers.flatMap((m) => m?.roots ?? [])];
  const toolchains = await Promise.all(candidates.map(async (c) => ({ root: c.path, version: await readVersionFile(ctx, c.path), source: c.source })));
  return {
    toolchains: toolchains.filter((t) => t.version !== null),
    managers: managers.flatMap((m) => (m ? [m.fact] : [])),
  };
}
