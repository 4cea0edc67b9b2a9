import type { CommandFact } from '../facts/fact-snapshot.js';
import type { ProjectFact, ToolchainSourceFact } from '../facts/project-fact.js';
import { governingFile } from '../project/governing-file.js';
import { selectToolchain, toolchainModuleVersion } from '../project/select-toolchain.js';
import { readEnvFile } from './environment-probes.js';
import { goArgv, runCommand } from './go-commands.js';
import { identifyFile } from './identify-file.js';
import { findOnPath } from './path-lookup.js';
import { envGet, type ProbeContext } from './probe-context.js';
import { realpath } from './realpath.js';

const PROJECT_ENV_KEYS = ['GOMOD', 'GOWORK', 'GOFLAGS', 'GO111MODULE', 'GOVERSION', 'GOMODCACHE', 'GOPATH', 'GOOS', 'GOARCH', 'GOPROXY'];

/**
 * What `go build ./...` in DIR would get: the governing go.work/go.mod, the toolchain go selects there and where it
 * could come from offline, and whether the module graph loads. Nothing is downloaded (GOPROXY=off; with --online
 * only the proxy is asked whether it has the toolchain) and nothing in DIR is written (never -mod=mod).
 */
export async function probeProject(
  ctx: ProbeContext,
  dir: string,
  goPath: string | null,
  tmp: string | null,
  throwaway: Record<string, string>,
): Promise<ProjectFact> {
  const real = await realpath(ctx, dir);
  const exists = real !== null && (await ctx.lstat(real))?.type === 'dir';
  const fact: ProjectFact = {
    dir,
    exists,
    envCommand: null,
    env: null,
    workFile: null,
    modFile: null,
    vendorModules: null,
    version: null,
    load: null,
    toolchain: null,
  };
  if (!exists || !goPath) return fact;
  const argv = (...args: string[]) => goArgv(ctx, goPath, args);
  const run = (args: string[], env: Record<string, string | null>, timeoutMs?: number) =>
    runCommand(ctx, argv(...args), { cwd: dir, env: { ...throwaway, ...env }, timeoutMs });
  const offline: Record<string, string> = ctx.online ? {} : { GOPROXY: 'off' };
  // Go ≥ 1.24 says why it switched and from where (go.dev/issue/63939); older ones ignore the setting.
  const trace = [envGet(ctx, 'GODEBUG'), 'toolchaintrace=1'].filter(Boolean).join(',');
  const userFlags = envGet(ctx, 'GOFLAGS') ?? '';
  // A -mod=mod in GOFLAGS would let go list rewrite go.mod and go.sum; a flag on the command line overrides GOFLAGS.
  const readonly = /(^|\s)-{1,2}mod=mod(\s|$)/.test(userFlags) ? ['-mod=readonly'] : [];
  const list = () => run(['list', ...readonly, '-deps', '-f', '{{with .Error}}{{.}}{{end}}', './...'], { GOPROXY: 'off' }, ctx.limits.buildTimeoutMs);
  // Online, go version may be downloading the toolchain DIR selects: go list (offline) waits for it rather than racing it,
  // or it would find the toolchain missing only because the download had not finished.
  const loadFirst = ctx.online ? null : list();
  const [envCommand, gotoolchain, version] = await Promise.all([
    run(['env', '-json', ...PROJECT_ENV_KEYS], { GOTOOLCHAIN: 'local' }),
    // Exactly `go env GOTOOLCHAIN`: select.go lets the local go answer it, with the setting as go reads it.
    run(['env', 'GOTOOLCHAIN'], {}),
    // Online, go may first download the toolchain DIR selects (~76 MB, then unpacked): bounded like a build, not a query.
    run(['version'], { ...offline, GODEBUG: trace }, ctx.online ? ctx.limits.buildTimeoutMs : undefined),
  ]);
  const load = await (loadFirst ?? list());
  const env = parseEnv(envCommand);
  if (env && gotoolchain.exitCode === 0) env.GOTOOLCHAIN = gotoolchain.stdout.trim();
  Object.assign(fact, { envCommand, env, version, load });
  if (!env) return fact;

  const work = env.GOWORK && env.GOWORK !== 'off' ? env.GOWORK : null;
  const mod = env.GOMOD && !isDevNull(env.GOMOD) ? env.GOMOD : null;
  const [workFile, modFile, vendorModules] = await Promise.all([
    readEnvFile(ctx, work),
    readEnvFile(ctx, mod),
    mod ? readEnvFile(ctx, ctx.paths.join(ctx.paths.dirname(mod), 'vendor', 'modules.txt')) : null,
  ]);
  Object.assign(fact, { workFile, modFile, vendorModules });

  const selection = selectToolchain({
    local: (env.GOVERSION ?? '').replace(/^go/, ''),
    gotoolchain: env.GOTOOLCHAIN ?? '',
    moduleMode: env.GOMOD !== '',
    file: governingFile(workFile, modFile),
  });
  if (selection.kind === 'run' && selection.toolchain !== 'local')
    fact.toolchain = await probeToolchainSource(ctx, selection.toolchain, env, goPath, tmp, throwaway);
  return fact;
}

async function probeToolchainSource(
  ctx: ProbeContext,
  name: string,
  env: Record<string, string>,
  goPath: string,
  tmp: string | null,
  throwaway: Record<string, string>,
): Promise<ToolchainSourceFact> {
  const exe = ctx.platform.os === 'windows' ? '.exe' : '';
  const version = toolchainModuleVersion(name, env.GOOS ?? '', env.GOARCH ?? '');
  const cacheDir = env.GOMODCACHE ? ctx.paths.join(env.GOMODCACHE, 'golang.org', `toolchain@${version}`) : null;
  const [onPath, moduleCache, proxy] = await Promise.all([
    (async () => {
      const hit = (await findOnPath(ctx, name)).find((h) => h.executable);
      if (!hit) return null;
      const real = await realpath(ctx, hit.path);
      return { path: hit.path, realpath: real, identity: real ? (await identifyFile(ctx, real)).identity : null };
    })(),
    (async () => {
      if (!cacheDir) return null;
      const binaryPath = ctx.paths.join(cacheDir, 'bin', `go${exe}`);
      if (!(await ctx.lstat(binaryPath))) return { dir: cacheDir, binaryPath, present: false, identity: null };
      return { dir: cacheDir, binaryPath, present: true, identity: (await identifyFile(ctx, binaryPath)).identity };
    })(),
    // Outside any module (the probe's temp dir), by the local go: only the proxy's answer counts here.
    ctx.online && tmp
      ? runCommand(ctx, goArgv(ctx, goPath, ['list', '-m', '-json', `golang.org/toolchain@${version}`]), {
          cwd: tmp,
          env: { ...throwaway, GOTOOLCHAIN: 'local', GOFLAGS: null },
        })
      : null,
  ]);
  return { name, onPath, moduleCache, proxy };
}

function parseEnv(c: CommandFact): Record<string, string> | null {
  if (c.exitCode !== 0) return null;
  try {
    const v = JSON.parse(c.stdout) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return null;
  }
}

/** go env GOMOD in module mode with no go.mod: os.DevNull. */
export function isDevNull(p: string): boolean {
  return p === '/dev/null' || p.toUpperCase() === 'NUL';
}
