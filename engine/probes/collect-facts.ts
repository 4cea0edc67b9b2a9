import type { BinaryIdentity } from '../binary/binary-identity.js';
import { FACTS_SCHEMA, type CommandFact, type CommandName, type FactSnapshot, type GoCandidate, type ProbeIdentity } from '../facts/fact-snapshot.js';
import type { Transport } from '../transport/transport.js';
import { goArgv, runCommand, succeeded } from './go-commands.js';
import { followSymlinks } from './hop-chain.js';
import { identifyFile } from './identify-file.js';
import { findOnPath, pathEntries, which, type PathHit } from './path-lookup.js';
import { DEFAULT_LIMITS, cachedLstat, envGet, guarded, pathsFor, type ProbeContext, type ProbeLimits } from './probe-context.js';
import { newProbeIdentity, probeFiles } from './probe-programs.js';
import { artifactProblems, buildTarget } from './build-artifact.js';
import { probeGoroot } from './goroot-probe.js';
import { defaultUserEnvFile, parseEnvFile, probeContainer, readEnvFile, relevantEnv } from './environment-probes.js';
import { probeInventory } from './inventory-probe.js';
import { probePackageOwner } from './package-owner-probe.js';
import { probePackageVerify } from './package-verify-probe.js';
import { probeReleaseChecksum } from './release-checksum-probe.js';
import { probeLoginShell } from './login-shell-probe.js';
import { probeRegistryEnvironment } from './registry-environment-probe.js';
import { probeOnline } from './online-probe.js';
import { probeLaterGo } from './later-go-probe.js';
import { probeProject } from './project-probe.js';
import { probeDiagnosis } from './diagnosis-probe.js';
import { probeBehindWrapper } from './behind-wrapper-probe.js';

export interface CollectOptions {
  limits?: Partial<ProbeLimits>;
  online?: boolean;
  /** verify --project DIR: also judge the toolchain and module mode go build gets in DIR (a path on the target). */
  project?: string;
  /** verify --shell: also start the user's login shell and compare the go it runs with this process's. */
  shell?: boolean;
}

/** Runs every probe against a target and returns the plain fact snapshot; independent probes run concurrently. */
export async function collectFacts(transport: Transport, options: CollectOptions = {}): Promise<FactSnapshot> {
  const t0 = performance.now();
  const timings: Record<string, number> = {};
  const timed = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const s = performance.now();
    try {
      return await fn();
    } finally {
      timings[name] = Math.round(performance.now() - s);
    }
  };
  const [platform, fullEnv] = await Promise.all([transport.platform(), transport.environment()]);
  const ctx: ProbeContext = {
    transport,
    platform,
    env: fullEnv,
    paths: pathsFor(platform),
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    errors: [],
    online: options.online ?? false,
    lstat: cachedLstat(transport),
    identified: new Map(),
  };

  const containerP = guarded(ctx, 'container', { detected: transport.isContainer, evidence: [] }, () => timed('container', () => probeContainer(ctx)));
  // The probe programs' directory is made while PATH is searched: the first go command needs both.
  const probe = newProbeIdentity();
  const artifacts: NonNullable<FactSnapshot['artifacts']> = {};
  const tmpP = guarded(ctx, 'tempdir', null, () => transport.makeTempDir(probeFiles(probe)));
  const hits = await guarded(ctx, 'path', [] as PathHit[], () => timed('path', () => findOnPath(ctx, 'go')));
  const firstHit = hits.find((h) => h.executable) ?? null;
  const commands: Partial<Record<CommandName, CommandFact>> = {};
  // go version starts as soon as PATH lookup names the file; identifying the binaries overlaps it.
  const [candidates, rest] = await Promise.all([
    guarded(ctx, 'candidates', [] as GoCandidate[], () => timed('candidates', () => describeCandidates(ctx, hits))),
    firstHit ? timed('go', async () => probeGo(ctx, firstHit.path, await tmpP, commands, probe, artifacts)) : null,
  ]);
  const first = candidates.find((c) => c.path === firstHit?.path) ?? null;
  const goEnv = rest?.goEnv ?? null;

  // GOROOT in effect: go env's answer, else the environment's or the env file's claim, else the binary's location.
  const userEnvPath = goEnv?.GOENV || defaultUserEnvFile(ctx);
  const userEnvFile = await guarded(ctx, 'user-env-file', null, () => readEnvFile(ctx, userEnvPath));
  const gorootPath =
    goEnv?.GOROOT ||
    envGet(ctx, 'GOROOT') ||
    parseEnvFile(userEnvFile?.content).GOROOT ||
    (first?.realpath ? ctx.paths.dirname(ctx.paths.dirname(first.realpath)) : null);

  const projectP = options.project
    ? guarded(ctx, 'project', null, () =>
        timed('project', () => probeProject(ctx, options.project!, first?.path ?? null, rest?.tmp ?? null, throwawayState(ctx, rest?.tmp ?? null))),
      )
    : undefined;
  const packageOwnerP = first?.realpath
    ? guarded(ctx, 'package-owner', null, () => timed('packageOwner', () => probePackageOwner(ctx, first.realpath!)))
    : null;
  // The database's own check of the owner's files runs beside the builds: a changed byte in GOROOT means tampered.
  const toolDir = goEnv?.GOTOOLDIR || null;
  const ownedFiles = [
    first?.realpath,
    gorootPath && ctx.paths.join(gorootPath, 'src', 'runtime', 'proc.go'),
    toolDir && ctx.paths.join(toolDir, 'compile'),
  ].filter((f): f is string => !!f);
  const packageVerifyP = packageOwnerP?.then((owner) =>
    owner ? guarded(ctx, 'package-verify', null, () => timed('packageVerify', () => probePackageVerify(ctx, owner, ownedFiles))) : undefined,
  );
  // A tree no package owns, against the checksum database's hash of its release (a package's own database judges a packaged one).
  const gorootP = gorootPath ? guarded(ctx, 'goroot', null, () => timed('goroot', () => probeGoroot(ctx, gorootPath, goEnv?.GOTOOLDIR || null))) : null;
  const releaseChecksumP =
    gorootPath && packageOwnerP !== null
      ? Promise.all([packageOwnerP, gorootP]).then(([owner, g]) =>
          owner
            ? undefined
            : guarded(ctx, 'release-checksum', null, () =>
                timed('releaseChecksum', () => probeReleaseChecksum(ctx, gorootPath, g?.versionFile ?? null, goEnv)),
              ),
        )
      : undefined;
  const [goroot, gorootEnvFile, cc, writable, packageOwner, inventory, online, , , packageVerify, behindWrapper, diagnosis, releaseChecksum, loginShell] =
    await Promise.all([
      gorootP,
      gorootPath ? guarded(ctx, 'goroot-env-file', null, () => readEnvFile(ctx, ctx.paths.join(gorootPath, 'go.env'))) : null,
      first ? guarded(ctx, 'cc', null, () => timed('cc', () => probeCc(ctx, goEnv))) : null,
      guarded(ctx, 'writable', {}, () => timed('writable', () => probeWritable(ctx, goEnv))),
      packageOwnerP,
      guarded(ctx, 'inventory', { toolchains: [], managers: [] }, () =>
        timed('inventory', () => probeInventory(ctx, goEnv?.GOPATH?.split(ctx.platform.os === 'windows' ? ';' : ':')[0] ?? null)),
      ),
      ctx.online && first && rest?.tmp ? guarded(ctx, 'online', null, () => timed('online', () => probeOnline(ctx, first, rest.tmp!))) : null,
      rest ? timed('build', () => rest.builds) : null,
      first && rest?.tmp
        ? guarded(ctx, 'later-go', undefined, () => timed('laterGo', () => probeLaterGo(ctx, candidates, first, rest.tmp!, throwawayState(ctx, rest.tmp))))
        : null,
      packageVerifyP,
      first && rest?.tmp
        ? guarded(ctx, 'behind-wrapper', undefined, () =>
            timed('behindWrapper', () => probeBehindWrapper(ctx, first, goEnv?.GOROOT, rest.tmp!, throwawayState(ctx, rest.tmp), parseGoEnvJson)),
          )
        : undefined,
      first
        ? guarded(ctx, 'diagnosis', undefined, () =>
            timed('diagnosis', () =>
              probeDiagnosis(ctx, {
                goPath: first.path,
                goEnv,
                builds: rest?.builds ?? null,
                buildCgo: () => commands.buildCgo,
                cwd: rest?.tmp ?? null,
                env: throwawayState(ctx, rest?.tmp ?? null),
              }),
            ),
          )
        : undefined,
      releaseChecksumP,
      options.shell
        ? guarded(ctx, 'login-shell', null, () =>
            timed('loginShell', () => (ctx.platform.os === 'windows' ? probeRegistryEnvironment(ctx) : probeLoginShell(ctx))),
          )
        : undefined,
    ]);
  const project = await projectP;
  const tmp = await tmpP;
  if (tmp) await transport.removeTree(tmp).catch(() => undefined);

  timings.totalMs = Math.round(performance.now() - t0);
  return {
    schema: FACTS_SCHEMA,
    target: transport.target,
    collectedAt: new Date().toISOString(),
    platform,
    container: await containerP,
    env: relevantEnv(fullEnv),
    pathEntries: pathEntries(ctx),
    candidates,
    commands,
    goEnv,
    goroot,
    envFiles: { user: userEnvFile, goroot: gorootEnvFile },
    cc,
    writable,
    packageOwner,
    ...(packageVerify !== undefined ? { packageVerify } : {}),
    ...(releaseChecksum ? { releaseChecksum } : {}),
    ...(loginShell !== undefined ? { loginShell } : {}),
    ...(behindWrapper ? { behindWrapper } : {}),
    managers: inventory.managers,
    toolchains: inventory.toolchains,
    online,
    ...(project === undefined ? {} : { project }),
    ...(diagnosis ? { diagnosis } : {}),
    probe,
    artifacts,
    probeErrors: ctx.errors,
    timings,
    redactions: [],
  };
}

async function describeCandidates(ctx: ProbeContext, hits: PathHit[]): Promise<GoCandidate[]> {
  return Promise.all(
    hits.map(async (hit) => {
      const { hops, realpath } = await followSymlinks(ctx, hit.path);
      const id = realpath ? await identifyFile(ctx, realpath) : { identity: null, scriptHead: null };
      return { ...hit, hops, realpath, identity: id.identity, scriptHead: id.scriptHead };
    }),
  );
}

async function probeGo(
  ctx: ProbeContext,
  goPath: string,
  tmp: string | null,
  commands: Partial<Record<CommandName, CommandFact>>,
  probe: ProbeIdentity,
  artifacts: Partial<Record<'pure' | 'cgo', BinaryIdentity | null>>,
) {
  const cwd = tmp ?? undefined;
  const argv = (...args: string[]) => goArgv(ctx, goPath, args);
  const throwaway = throwawayState(ctx, tmp);
  const exe = ctx.platform.os === 'windows' ? '.exe' : '';
  const join = ctx.paths.join;
  const build = async (kind: 'Pure' | 'Cgo', dir: 'pure' | 'cgo') => {
    const out = join(tmp!, `${dir}.bin${exe}`);
    const b = await runCommand(ctx, argv('build', '-o', out, '.'), { cwd: join(tmp!, dir), env: throwaway, timeoutMs: ctx.limits.buildTimeoutMs });
    commands[`build${kind}`] = b;
    if (!succeeded(b)) return;
    // Identified from its bytes before it runs: a script or a program made in advance is reported, never run.
    const artifact = (await identifyFile(ctx, out)).identity;
    artifacts[dir] = artifact;
    // The platform go was told to build for (GOOS/GOARCH, whoever set them); whether that runs here is TARGET_PLATFORM_FOREIGN's to say.
    const env = parseGoEnvJson((await envJsonP).stdout);
    const platform = buildTarget(env, ctx.platform);
    const gopathModeDir = env?.GO111MODULE === 'off' ? join(tmp!, dir) : null;
    const problems = artifactProblems(artifact, { platform, modulePath: probe.modules[dir], gccgo: artifact?.gccgo === true, gopathModeDir });
    if (problems.length === 0) commands[`run${kind}`] = await runCommand(ctx, [out], { cwd: tmp!, env: { ...throwaway } });
  };
  // A go that hangs or floods on `version` would do the same on build: don't spend the build budget on it.
  const sane = (v: CommandFact) => !!tmp && !v.timedOut && !v.truncated && !v.spawnError;
  const versionP = runCommand(ctx, argv('version'), { cwd, env: { ...throwaway } });
  const envJsonP = runCommand(ctx, argv('env', '-json'), { cwd, env: { ...throwaway } });
  // The build is the long pole: it starts the moment go answers, not after go env.
  const pureBuild = versionP.then((v) => (sane(v) ? build('Pure', 'pure') : undefined));
  // Started ahead of the awaits below: if those throw (the target vanished), this must not become an unhandled rejection.
  pureBuild.catch(() => undefined);
  const [version, versionLocal, envJson, gorootLocated] = await Promise.all([
    versionP,
    runCommand(ctx, argv('version'), { cwd, env: { ...throwaway, GOTOOLCHAIN: 'local' } }),
    envJsonP,
    runCommand(ctx, argv('env', 'GOROOT'), { cwd, env: { ...throwaway, GOROOT: null, GOENV: 'off' } }),
  ]);
  Object.assign(commands, { version, versionLocal, envJson, gorootLocated });
  const goEnv = parseGoEnvJson(envJson.stdout);

  const toolDir = goEnv?.GOTOOLDIR;
  // Builds and tool versions overlap the probes that follow go env (GOROOT, CC, inventory...).
  const builds = (async () => {
    const tools = toolDir
      ? Promise.all([
          runCommand(ctx, [join(toolDir, `compile${exe}`), '-V=full'], { env: { ...throwaway } }),
          runCommand(ctx, [join(toolDir, `link${exe}`), '-V=full'], { env: { ...throwaway } }),
        ])
      : null;
    tools?.catch(() => undefined);
    await pureBuild;
    // cgo is only attempted where go itself says it is on; a silent CGO_ENABLED=0 is judged from go env and CC.
    if (sane(version) && goEnv?.CGO_ENABLED === '1') await build('Cgo', 'cgo');
    if (tools) [commands.compileV, commands.linkV] = await tools;
  })();
  return { goEnv, tmp, builds };
}

/**
 * In a container that isn't ours even `go env` writes: the build cache, and (Go ≥1.23) telemetry counters under
 * os.UserConfigDir(). Both go to the temp dir; GOENV is pinned so the user's own env file is still the one read.
 */
function throwawayState(ctx: ProbeContext, tmp: string | null): Record<string, string> {
  if (!ctx.transport.leaveAsFound || !tmp) return {};
  const userEnvFile = defaultUserEnvFile(ctx);
  return {
    GOCACHE: ctx.paths.join(tmp, 'gocache'),
    XDG_CONFIG_HOME: ctx.paths.join(tmp, 'config'),
    ...(userEnvFile ? { GOENV: userEnvFile } : {}),
  };
}

export function parseGoEnvJson(text: string): Record<string, string> | null {
  const start = text.indexOf('{');
  if (start < 0) return null;
  try {
    const parsed = JSON.parse(text.slice(start)) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') out[k] = v;
    return out;
  } catch {
    return null;
  }
}

async function probeCc(ctx: ProbeContext, goEnv: Record<string, string> | null): Promise<{ name: string; path: string | null } | null> {
  const name = (goEnv?.CC || envGet(ctx, 'CC') || (ctx.platform.os === 'darwin' ? 'clang' : 'gcc')).trim().split(/\s+/)[0];
  if (!name) return null;
  return { name, path: await which(ctx, name) };
}

async function probeWritable(ctx: ProbeContext, goEnv: Record<string, string> | null) {
  const out: Record<string, { path: string; writable: boolean | null }> = {};
  const sep = ctx.platform.os === 'windows' ? ';' : ':';
  const targets: [string, string | undefined][] = [
    ['GOPATH', goEnv?.GOPATH?.split(sep)[0]],
    ['GOMODCACHE', goEnv?.GOMODCACHE],
    ['GOCACHE', goEnv?.GOCACHE],
  ];
  // Go creates these on first use: what counts is the nearest directory that exists (often the same one for all three).
  const asked = new Map<string, Promise<boolean | null>>();
  await Promise.all(
    targets.map(async ([name, p]) => {
      if (!p || p === 'off') return;
      let dir = p;
      for (let i = 0; i < 32; i++) {
        if (await ctx.lstat(dir)) break;
        const up = ctx.paths.dirname(dir);
        if (up === dir) break;
        dir = up;
      }
      if (!asked.has(dir)) asked.set(dir, ctx.transport.writable(dir));
      out[name] = { path: dir, writable: await asked.get(dir)! };
    }),
  );
  return out;
}
