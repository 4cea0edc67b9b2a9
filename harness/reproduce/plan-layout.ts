import { envValueAnyCase } from '../../engine/facts/env-value-any-case.js';
import path from 'node:path';
import type { FactSnapshot, GoCandidate } from '../../engine/facts/fact-snapshot.js';
import { managerLayouts } from '../../engine/probes/inventory-probe.js';
import { releaseChecksumProblem } from '../../engine/checks/release-checksum-problem.js';
import { pathsFor, type ProbeContext } from '../../engine/probes/probe-context.js';
import type { BaseImageLayout } from './base-image-layouts.js';
import { chooseBaseImage, nearestTree, parseRelease } from './choose-base-image.js';
import { ENV_NAME } from './docker-env-line.js';
import type { LayoutOp, LayoutPlatform } from './layout-op.js';
import { layoutPath } from './layout-path.js';
import { rehomeSnapshot } from './rehome-snapshot.js';

export interface ReleaseChoice {
  /** Where the snapshot has this release. */
  path: string;
  wanted: string | null;
  used: string;
  exact: boolean;
}

export interface LayoutPlan {
  platform: LayoutPlatform;
  base: BaseImageLayout;
  ops: LayoutOp[];
  /** Linux: the image's environment. */
  env: Record<string, string>;
  runAsUser: boolean;
  releases: ReleaseChoice[];
  /** What the reproduction does differently from the snapshot, or not at all: one line each. */
  limits: string[];
  notes: string[];
}

const UNPRIVILEGED_HOME = '/home/goverity';
/** Wine runs as root in the images: its profile is C:\users\root. */
const WINE_HOME = 'C:\\users\\root';
/** Variables Wine derives itself from the profile and the prefix: setting them would fight it. */
const WINE_OWN = new Map<string, string | null>([
  ['USERPROFILE', WINE_HOME],
  ['APPDATA', `${WINE_HOME}\\AppData\\Roaming`],
  ['LOCALAPPDATA', `${WINE_HOME}\\AppData\\Local`],
  ['TEMP', `${WINE_HOME}\\AppData\\Local\\Temp`],
  ['TMP', `${WINE_HOME}\\AppData\\Local\\Temp`],
  ['PROGRAMFILES', 'C:\\Program Files'],
  ['COMSPEC', 'C:\\windows\\system32\\cmd.exe'],
  ['USERNAME', 'root'],
  // The Wine transport's own scratch directory, and Unix variables a Windows user's cmd doesn't have.
  ['XDG_RUNTIME_DIR', null],
  ['HOME', null],
  ['SHELL', null],
  ['USER', null],
]);
/** Merged /usr: the Debian images' /bin, /lib and /sbin are links into /usr. */
const MERGED_USR: [string, string][] = [
  ['/bin/', '/usr/bin/'],
  ['/sbin/', '/usr/sbin/'],
  ['/lib/', '/usr/lib/'],
  ['/lib64/', '/usr/lib64/'],
];
const HOST_ARCH = 'amd64';
/** Directories no reproduction removes, whatever a snapshot says (a removal there would break the image, not reproduce a user's layout). */
const PROTECTED_LINUX = new Set([
  'usr',
  'usr/lib',
  'usr/lib64',
  'usr/bin',
  'usr/sbin',
  'usr/share',
  'usr/include',
  'usr/local',
  'usr/local/bin',
  'usr/local/sbin',
  'usr/local/lib',
  'usr/src',
  'etc',
  'var',
  'var/lib',
  'home',
  'root',
  'opt',
  'tmp',
  'bin',
  'sbin',
  'lib',
  'lib64',
  'boot',
  'run',
  'srv',
  'mnt',
  'media',
]);
const PROTECTED_WINDOWS = new Set(['windows', 'windows/system32', 'users', 'users/root', 'program files', 'program files (x86)', 'programdata']);
const FILE_NAME = /^[A-Za-z0-9._+-]+$/;

/** Derives, from the facts alone, the operations that recreate what the verdict depends on, and lists what it can't. */
export function planLayout(original: FactSnapshot): LayoutPlan {
  const windows = original.platform.os === 'windows';
  const platform: LayoutPlatform = windows ? 'wine' : 'linux';
  const runAsUser = !windows && Object.values(original.writable).some((w) => w.writable === false);
  const home = windows ? WINE_HOME : runAsUser ? UNPRIVILEGED_HOME : '/root';
  const { facts, notes } = rehomeSnapshot(original, home, windows ? 'root' : runAsUser ? 'goverity' : 'root');
  const p = pathsFor(facts.platform);
  const limits: string[] = [];
  const ops: LayoutOp[] = [];
  const limit = (s: string) => {
    if (!limits.includes(s)) limits.push(s);
  };
  // A snapshot taken with --project describes the project's go commands, not its files: the project is not rebuilt.
  if (facts.project) limit(`the project ${facts.project.dir} (verify --project) is not reproduced: only the environment is`);
  // What GOPROXY and the checksum database answered is the network's, not the machine's: a reproduction is verified offline.
  if (facts.online) limit('the answers of GOPROXY and the checksum database (verify --online) are not reproduced: the reproduction is verified offline');
  const canon = (x: string): string => {
    if (windows) return p.normalize(x).toLowerCase().replace(/\\+$/, '');
    let c = path.posix.normalize(x).replace(/\/+$/, '') || '/';
    for (const [from, to] of MERGED_USR) if (`${c}/`.startsWith(from)) c = to + c.slice(from.length);
    return c;
  };
  const inside = (x: string, root: string) => canon(x) === canon(root) || canon(x).startsWith(`${canon(root)}${windows ? '\\' : '/'}`);
  /** The layout-relative path, or null with the reason listed. */
  const rel = (x: string, what: string): string | null => {
    const r = layoutPath(windows ? 'windows' : 'posix', x);
    if (r === null)
      limit(`${what} ${JSON.stringify(x)} is not a path the layout can hold (relative, "..", another drive or a control character): not reproduced`);
    return r;
  };
  const link = (x: string, target: string, what: string) => {
    if (target === '' || /[\u0000-\u001f\u007f]/.test(target))
      return limit(`${what} ${JSON.stringify(x)} points at ${JSON.stringify(target)}, which no link can hold: not reproduced`);
    emit((r) => ({ op: 'link', path: r, target }), x, what);
  };
  const isSystemDir = (r: string) => (windows ? PROTECTED_WINDOWS.has(r.toLowerCase()) : PROTECTED_LINUX.has(canon(`/${r}`).slice(1)) || !r.includes('/'));
  const emit = (make: (r: string) => LayoutOp, x: string, what: string) => {
    const r = rel(x, what);
    if (r !== null) ops.push(make(r));
  };
  const remove = (x: string, what: string) => {
    const r = rel(x, what);
    // A system directory: removing it would break the image, not reproduce the user's environment (C:\Go is fine).
    if (r !== null && isSystemDir(r)) limit(`${what} ${x} would remove a whole system directory: left in place`);
    else if (r !== null) ops.push({ op: 'remove', path: r });
  };

  if (facts.platform.os === 'darwin')
    limit(
      'a macOS snapshot is reproduced on Linux: Mach-O binaries become Linux ELF binaries of the nearest release, and code signing, dyld and Xcode are not reproduced',
    );
  if (!['linux', 'darwin', 'windows'].includes(facts.platform.os))
    limit(`a ${facts.platform.os} snapshot is reproduced on Linux, as far as paths, scripts and settings go`);
  if (facts.platform.arch !== HOST_ARCH)
    limit(`the snapshot's machine is ${facts.platform.arch}; the reproduction runs on ${HOST_ARCH}, so its binaries are ${HOST_ARCH} ones`);
  if (!facts.container.detected) limit('the snapshot was not taken in a container; the reproduction is one, so it adds the CONTAINER finding');
  if (windows) limit('Windows is reproduced under Wine: its registry, profile (C:\\users\\root) and cmd stand in for the real ones');

  // Every Go tree the snapshot shows: the GOROOT in effect, the inventory, and the release behind each go binary.
  const gorootIsTree = !!facts.goroot?.exists && (facts.goroot.versionFile !== null || Object.values(facts.goroot.parts).filter(Boolean).length >= 2);
  const trees = new Map<string, { path: string; version: string | null }>();
  const addTree = (at: string, version: string | null) => {
    const k = canon(at);
    if (!trees.has(k) || (!trees.get(k)!.version && version)) trees.set(k, { path: at, version });
  };
  if (facts.goroot && gorootIsTree) addTree(facts.goroot.realpath ?? facts.goroot.path, facts.goroot.binary?.go?.version || facts.goroot.versionFile);
  for (const t of facts.toolchains) addTree(t.root, t.version);
  const gccgo = facts.candidates.some((c) => c.identity?.gccgo) || !!facts.goroot?.binary?.gccgo;
  const binaryVersions = facts.candidates.map((c) => c.identity?.go?.version).filter((v): v is string => !!v && parseRelease(v) !== null);
  const versions = [...[...trees.values()].map((t) => t.version).filter((v): v is string => !!v), ...binaryVersions];
  const base = chooseBaseImage(platform, gccgo ? [] : versions, { gccgo, cc: !!facts.cc?.path });
  const primary = facts.goroot?.binary?.go?.version ?? binaryVersions[0] ?? versions[0] ?? null;
  const releases: ReleaseChoice[] = [];
  const sourceFor = (at: string, version: string | null): BaseImageLayout['trees'][number] | null => {
    const src = nearestTree(base, version ?? primary);
    if (!src) return null;
    if (!releases.some((r) => canon(r.path) === canon(at))) {
      const exact = version === src.version;
      releases.push({ path: at, wanted: version, used: src.version, exact });
      if (!exact) notes.push(`${at}: ${version ?? 'an unknown release'} is reproduced by ${src.version}, the nearest release the ${base.image} image has`);
    }
    return src;
  };

  if (gccgo && !base.gccgo) limit('gccgo is not reproduced');
  if (
    platform === 'linux' &&
    gccgo &&
    facts.candidates.some((c) => c.identity?.gccgo && c.realpath && !base.files.some((f) => canon(f) === canon(c.realpath!)))
  )
    limit(`gccgo lives elsewhere in the snapshot than in the gccgo image (${base.files.join(', ')})`);

  // The tree behind a go binary: one of the base's own when the binary lies inside it, even where no GOROOT or
  // inventory entry names it (go env failed: a stub in front, as in hostile-spawn).
  for (const c of facts.candidates) {
    const last = c.hops.at(-1);
    const real = c.realpath ?? last?.path;
    const baseTree = last?.type === 'file' && real ? base.trees.find((t) => inside(real, t.path)) : undefined;
    if (baseTree) addTree(baseTree.path, c.identity?.go?.version ?? null);
  }

  // 1. Trees: keep the base's own where the snapshot has them, copy a release to every other place.
  const g = facts.goroot;
  const gorootLink = !!g?.exists && !!g.realpath && canon(g.realpath) !== canon(g.path);
  const kept = new Set<string>();
  for (const t of trees.values()) {
    if (gorootLink && canon(t.path) === canon(g!.path)) continue;
    const baseTree = base.trees.find((b) => canon(b.path) === canon(t.path));
    const src = sourceFor(t.path, t.version);
    if (baseTree) {
      kept.add(canon(baseTree.path));
      continue;
    }
    if (base.links.some((l) => canon(l) === canon(t.path))) {
      kept.add(canon(t.path));
      continue;
    }
    if (!src) {
      limit(`the Go tree at ${t.path} (${t.version ?? 'unknown release'}) has no release to copy in ${base.image}`);
      continue;
    }
    const from = rel(src.path, 'tree');
    const to = rel(t.path, 'Go tree');
    if (from !== null && to !== null) ops.push({ op: 'copytree', from, path: to });
  }

  // Facts the snapshot holds that no layout op recreates yet: each is said, so a verdict resting on one is a listed limit.
  const changedFiles = facts.packageVerify?.changed.filter((f) => !facts.packageVerify?.vouchedBy?.[f]) ?? [];
  if (changedFiles.length > 0)
    limit(
      `${facts.packageVerify!.tool} --verify found ${changedFiles.length} changed file(s) (${changedFiles.slice(0, 3).join(', ')}): the reproduction's packages are as installed`,
    );
  if (releaseChecksumProblem(facts))
    limit(`the files of ${facts.releaseChecksum!.module} that differ from the checksum database's record are not changed in the reproduction`);
  if (facts.diagnosis?.vetPresent === false || /is not in std/.test(`${facts.diagnosis?.stdList?.stdout ?? ''}${facts.diagnosis?.stdList?.stderr ?? ''}`))
    limit("the GOROOT's missing standard packages or vet (go list std, $GOTOOLDIR/vet) are not removed in the reproduction");
  const registry = facts.loginShell?.kind === 'windows-registry' ? facts.loginShell : null;
  const processPath = envValueAnyCase(original.env, 'PATH');
  if (registry?.path != null && registry.path.toLowerCase() !== processPath?.toLowerCase())
    limit("the registry's environment, which differs from this process's, is not reproduced: the reproduction writes the process's into the registry");
  if (facts.diagnosis?.goWork?.content != null) limit(`the go.work GOWORK names (${facts.diagnosis.goWork.path}) is not reproduced`);
  const snapshotHome = original.env.HOME;
  for (const [k, w] of Object.entries(original.writable))
    if (w.writable === false && snapshotHome && w.path.startsWith(`${snapshotHome}/`))
      limit(`${k} (${w.path}) was not writable under the snapshot's HOME, which the reproduction makes anew`);
  const goBuild = facts.goroot?.binary?.go;
  if (
    goBuild?.path === 'cmd/go' &&
    goBuild.buildSettings['-trimpath'] === 'true' &&
    goBuild.buildSettings['-gcflags'] === undefined &&
    (parseRelease(goBuild.version)?.[1] ?? 0) >= 21
  )
    limit(`the go binary's own build (-trimpath without make.bash's -gcflags: go build, not cmd/dist) is reproduced by the base's release build`);

  // Several releases reproduced by fewer (one base image holds one or two): what depends on their number is not reproduced.
  const wantedReleases = new Set(releases.map((r) => r.wanted).filter((v): v is string => !!v));
  const usedReleases = new Set(releases.filter((r) => r.wanted).map((r) => r.used));
  if (usedReleases.size < wantedReleases.size)
    limit(
      `${wantedReleases.size} releases (${[...wantedReleases].join(', ')}) are reproduced by ${[...usedReleases].join(', ')}: the ${base.image} image has no more`,
    );

  // 2. The GOROOT in effect, with its defects.
  const gRoot = g ? (g.realpath ?? g.path) : null;
  if (g) {
    if (!g.exists) {
      if (!trees.has(canon(g.path)) && p.isAbsolute(g.path)) remove(g.path, 'GOROOT');
    } else if (gorootLink && !base.links.some((l) => canon(l) === canon(g.path))) {
      link(g.path, g.realpath!, 'GOROOT');
    }
    if (g.exists && gRoot) {
      // A tree loses what it lacks; a GOROOT that is no tree (gccgo's /usr, a bin/ directory) only where the base has a tree.
      const baseTreeHere = base.trees.some((b) => canon(b.path) === canon(gRoot));
      const lacking = gorootIsTree ? missingParts(g.parts, p.sep) : baseTreeHere ? Object.keys(g.parts).filter((k) => !g.parts[k]) : [];
      for (const part of lacking) remove(p.join(gRoot, part), 'GOROOT part');
      const binVersion = g.binary?.go?.version;
      if (gorootIsTree && g.versionFile && binVersion && g.versionFile !== binVersion)
        emit((r) => ({ op: 'file', path: r, mode: 0o644, content: `${g.versionFile}\n` }), p.join(gRoot, 'VERSION'), 'VERSION');
      // A tool of another release in the tree (tool skew): the release its -V names, from the base if it has it.
      const toolDir = facts.goEnv?.GOTOOLDIR;
      for (const [key, tool] of [
        ['compileV', 'compile'],
        ['linkV', 'link'],
      ] as const) {
        const said = /version (go[\d.]+)/.exec(facts.commands[key]?.stdout ?? '')?.[1];
        const treeVersion = binVersion ?? g.versionFile;
        if (!said || !toolDir || !treeVersion || said === treeVersion || !inside(toolDir, gRoot)) continue;
        const other = nearestTree(base, said);
        if (!other || other.version !== said) {
          limit(`${tool} in ${toolDir} is ${said}, a release the ${base.image} image does not have`);
          continue;
        }
        const from = rel(p.join(other.path, p.relative(gRoot, toolDir), `${tool}${windows ? '.exe' : ''}`), 'tool');
        const to = rel(p.join(toolDir, `${tool}${windows ? '.exe' : ''}`), 'tool');
        if (from !== null && to !== null) ops.push({ op: 'copyfile', from, path: to, mode: 0o755 });
      }
    }
  }

  // 3. Every go on PATH, hop by hop: links as they were, scripts as they read, binaries from the nearest release.
  for (const c of facts.candidates) replayCandidate(c);
  function replayCandidate(c: GoCandidate) {
    const last = c.hops.at(-1);
    for (const h of c.hops) {
      if (h.type === 'symlink' && h.linkTarget !== undefined) link(h.path, h.linkTarget, 'link');
    }
    if (!last) return;
    if (last.type === 'missing') return remove(last.path, 'missing file');
    if (last.type === 'dir') return emit((r) => ({ op: 'dir', path: r, mode: last.mode ?? 0o755 }), last.path, 'directory');
    if (last.type === 'other') return limit(`${last.path} is neither file, directory nor link: not reproduced`);
    if (last.type !== 'file') return;
    const real = c.realpath ?? last.path;
    // A file reached through a symlinked directory (PATH holds go-current/bin, a link to go/1.26.8/x64, as setup-go's
    // toolcache and many installers make): no hop is a link, so the link is the first directory where the paths part.
    if (!c.hops.some((h) => h.type === 'symlink') && canon(real) !== canon(last.path)) {
      const a = last.path.split(p.sep);
      const b = real.split(p.sep);
      while (a.length > 1 && b.length > 1 && a.at(-1) === b.at(-1)) {
        a.pop();
        b.pop();
      }
      if (a.join(p.sep) && b.join(p.sep)) link(a.join(p.sep), b.join(p.sep), 'directory link');
    }
    const mode = last.mode ?? 0o755;
    const id = c.identity;
    const inTree = [...trees.values()].some((t) => inside(real, t.path)) || (!!gRoot && gorootIsTree && inside(real, gRoot));
    const inBase = base.files.some((f) => canon(f) === canon(real));
    const isGoCommand = !!id?.go && (id.go.path === 'cmd/go' || id.go.path === null) && !id.gccgo;
    const damaged = !!id && id.problems.length > 0 && ['elf', 'macho', 'pe'].includes(id.format);
    const foreignArch = !windows && isGoCommand && id?.os === 'linux' && !!id.arch && id.arch !== HOST_ARCH && /^[a-z0-9]+$/.test(id.arch);
    // The base's go binaries are release builds (-trimpath); a go built without it (patched, rebuilt) is rebuilt so too.
    const plainBuild =
      !windows &&
      isGoCommand &&
      id?.os === 'linux' &&
      !damaged &&
      id.go?.buildSettings['-trimpath'] !== 'true' &&
      !!nearestTree(base, id.go?.version ?? primary)?.trimpath;
    const rebuild = foreignArch || plainBuild;
    const isScript = c.scriptHead !== null && !id?.go && !['elf', 'macho', 'pe'].includes(id?.format ?? 'unknown');
    // A tree copy brings its own binaries, not a script someone put in its bin/.
    if ((inTree || inBase) && !rebuild && !isScript) {
      if ((mode & 0o111) === 0 && !windows) emit((r) => ({ op: 'chmod', path: r, mode }), real, 'go');
      if (damaged && last.size !== undefined) emit((r) => ({ op: 'truncate', path: r, size: last.size! }), real, 'go');
      return;
    }
    if (isScript) {
      const head = c.scriptHead!;
      emit((r) => ({ op: 'file', path: r, mode, content: head }), real, 'script');
      if ((last.size ?? 0) > Buffer.byteLength(head))
        limit(`${real} is longer than the head a snapshot keeps: only its first ${Buffer.byteLength(head)} bytes are reproduced`);
      for (const ref of referencedPaths(head, windows)) {
        const known =
          [...trees.values()].some((t) => inside(ref, t.path)) ||
          facts.candidates.some((o) => o.hops.some((h) => canon(h.path) === canon(ref))) ||
          /^\/(usr\/)?s?bin\/[^/]+$/.test(ref);
        if (!known) limit(`${real} runs ${ref}, which the snapshot does not describe: not reproduced`);
      }
      return;
    }
    if (isGoCommand || damaged) {
      const src = sourceFor(real, id?.go?.version ?? null);
      if (!src) return limit(`${real}: no Go release in ${base.image} to stand in for it`);
      const exe = windows ? 'go.exe' : 'go';
      if (rebuild) {
        const tree = rel(src.path, 'tree');
        const to = rel(real, 'go');
        if (tree !== null && to !== null)
          ops.push({ op: 'buildgo', tree, path: to, goarch: foreignArch ? id!.arch! : HOST_ARCH, flags: plainBuild ? 'plain' : 'release' });
      } else {
        const from = rel(p.join(src.path, 'bin', exe), 'go');
        const to = rel(real, 'go');
        if (from !== null && to !== null) ops.push({ op: 'copyfile', from, path: to, mode: windows ? 0o755 : mode });
      }
      if (id?.format === 'macho') limit(`${real} is a Mach-O binary: a Linux build of ${src.version} stands in for it`);
      if (damaged && last.size !== undefined) emit((r) => ({ op: 'truncate', path: r, size: last.size! }), real, 'go');
      return;
    }
    limit(
      `${real} is a program the snapshot can't rebuild (${id?.format ?? 'unknown format'}${id?.go?.path ? `, Go main package ${id.go.path}` : ''}): not reproduced`,
    );
  }

  // A switch by GOTOOLCHAIN=goX.Y.Z to a release found on PATH as goX.Y.Z (https://go.dev/doc/toolchain#select):
  // the snapshot shows the switch and the release's GOROOT, not where on PATH its goX.Y.Z was.
  const printed = /go version (go\S+)/.exec(facts.commands.version?.stdout ?? '')?.[1];
  const local = /go version (go\S+)/.exec(facts.commands.versionLocal?.stdout ?? '')?.[1];
  const switchedRoot = facts.goEnv?.GOROOT;
  const downloaded = facts.toolchains.some((t) => t.source === 'GOTOOLCHAIN download' && t.version === printed);
  if (printed && local && printed !== local && switchedRoot && !downloaded && /^go[0-9][0-9a-z.]*$/.test(printed) && !windows) {
    const dir = facts.pathEntries.find((d) => p.isAbsolute(d) && layoutPath('posix', d) !== null);
    if (dir) {
      link(p.join(dir, printed), p.join(switchedRoot, 'bin', 'go'), 'toolchain switch');
      notes.push(`GOTOOLCHAIN switches to ${printed}: reached as ${p.join(dir, printed)} (the snapshot does not say where on PATH it was)`);
    }
  }

  // The toolchain binaries are the base image's, and those are unsigned: a signed go (or one whose signature the
  // snapshot's engine did not read) is not reproduced as it was.
  const goBinary = [facts.candidates.find((c) => c.executable)?.identity, facts.goroot?.binary].find((i) => i?.go);
  if (goBinary && goBinary.signature?.kind !== 'none') {
    limit(
      `code signatures are not reproduced: the snapshot's go ${goBinary.signature ? `has a${goBinary.signature.kind === 'adhoc' || goBinary.signature.kind === 'authenticode' ? 'n' : ''} ${goBinary.signature.kind} signature` : 'was read by an engine that did not record signatures'}; the reproduction's is unsigned`,
    );
  }

  // 4. go's settings files: the user's (where this platform's go reads it) and GOROOT/go.env.
  const user = facts.envFiles.user;
  if (user?.content != null) {
    let at = user.path;
    if (facts.platform.os === 'darwin' && !facts.env.GOENV) {
      at = path.posix.join(facts.env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), 'go', 'env');
      limit(`go env -w settings are in ${at}, where Linux's go reads them, not in ${user.path}`);
    }
    emit((r) => ({ op: 'file', path: r, mode: 0o644, content: user.content! }), at, 'user env file');
  }
  const gorootEnv = facts.envFiles.goroot;
  if (gorootEnv?.content != null) emit((r) => ({ op: 'file', path: r, mode: 0o644, content: gorootEnv.content! }), gorootEnv.path, 'go.env');

  // 5. Version managers: their roots, and each installed version's directory (empty when its tree had no VERSION).
  const layouts = managerLayouts({ paths: p, env: facts.env, platform: facts.platform } as ProbeContext);
  for (const m of facts.managers) {
    emit((r) => ({ op: 'dir', path: r, mode: 0o755 }), m.root, 'version manager root');
    const layout = layouts.find((l) => l.name === m.name);
    if (!layout) continue;
    for (const v of m.installed) {
      if (!FILE_NAME.test(v) || v === '.' || v === '..') {
        limit(`${m.name} version ${JSON.stringify(v)} is not a plain directory name: not reproduced`);
        continue;
      }
      const gorootOf = p.join(m.root, layout.versions, layout.goroot.replace('{v}', v));
      if (!trees.has(canon(gorootOf))) emit((r) => ({ op: 'dir', path: r, mode: 0o755 }), p.join(m.root, layout.versions, v), `${m.name} version`);
    }
  }

  // 6. The C toolchain: absent, present under another name, or present but failing on missing headers.
  if (facts.cc && platform === 'linux') {
    const { name, path: ccPath } = facts.cc;
    if (ccPath === null) {
      if (FILE_NAME.test(name)) for (const d of facts.pathEntries) if (p.isAbsolute(d)) remove(p.join(d, name), 'C compiler');
    } else if (base.cc.length === 0) {
      limit(`the C compiler ${ccPath} has no counterpart in ${base.image}`);
    } else if (!base.cc.some((c) => canon(c) === canon(ccPath))) {
      link(ccPath, base.cc[0]!, 'C compiler');
      if (p.basename(ccPath) !== p.basename(base.cc[0]!)) limit(`the C compiler ${ccPath} is stood in for by ${base.cc[0]}`);
    }
    const cgo = facts.commands.buildCgo;
    // Only a cgo build that failed where the pure one built says something about C.
    const pure = facts.commands.buildPure;
    if (ccPath && cgo && cgo.exitCode !== 0 && pure?.exitCode === 0) {
      const headers = [...cgo.stderr.matchAll(/fatal error: ([A-Za-z0-9_./+-]+\.h): No such file or directory/g)].map((m) => m[1]!);
      for (const h of headers) remove(path.posix.join('/usr/include', h), 'C header');
      if (headers.length === 0)
        limit(
          `the cgo build failed in a way the snapshot doesn't show how to recreate: ${cgo.stderr.split('\n').find((l) => l.trim()) ?? cgo.spawnError ?? 'no output'}`,
        );
    }
  } else if (facts.cc?.path) {
    limit(`the C compiler ${facts.cc.path} is not reproduced: the Wine images have none`);
  }

  // 7. The environment: Docker's ENV on Linux, the registry under Wine; directories it names are made.
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(facts.env)) {
    if (!ENV_NAME.test(k) || /[\u0000-\u0008\u000a-\u001f\u007f]/.test(v)) {
      limit(`the variable ${JSON.stringify(k)} can't be set as it was (a name Docker can't take, or a control character in its value): not reproduced`);
      continue;
    }
    if (windows) {
      const own = WINE_OWN.get(k.toUpperCase());
      if (own !== undefined) {
        if (own !== null && canon(v) !== canon(own)) limit(`${k} was ${v}; Wine sets it to ${own} and the reproduction keeps Wine's`);
        continue;
      }
      if (k.toUpperCase() === 'PATH') {
        ops.push({ op: 'setenv', scope: 'machine', name: 'PATH', value: v }, { op: 'unsetenv', scope: 'user', name: 'PATH' });
        continue;
      }
      ops.push({ op: 'setenv', scope: 'machine', name: k, value: v });
    } else {
      env[k] = v;
    }
  }
  if (!windows) {
    env.HOME = home;
    // A temp dir the snapshot saw missing stays missing (tmpdir-missing): go's work dir is what that snapshot judged.
    const gone = facts.diagnosis?.workDir && !facts.diagnosis.workDir.exists ? facts.diagnosis.workDir.path : null;
    for (const k of ['TMPDIR', 'TMP', 'TEMP', 'GOTMPDIR'])
      if (env[k] && path.posix.isAbsolute(env[k]!) && env[k] !== gone) emit((r) => ({ op: 'dir', path: r, mode: 0o1777 }), env[k]!, k);
  }
  if (runAsUser) ops.unshift({ op: 'adduser' });
  for (const [k, w] of Object.entries(facts.writable)) {
    if (w.writable === null || !p.isAbsolute(w.path)) continue;
    if (windows) {
      if (!w.writable) limit(`${k} (${w.path}) was not writable: Wine can't take write access away`);
      continue;
    }
    const r = layoutPath('posix', w.path);
    if (r === null || r.split('/').length < 2) continue;
    if (!w.writable) ops.push({ op: 'dir', path: r, mode: 0o755 });
    else if (runAsUser && !inside(w.path, home)) ops.push({ op: 'dir', path: r, mode: 0o755 }, { op: 'own', path: r });
  }
  if (runAsUser) emit((r) => ({ op: 'own', path: r }), home, 'home');

  // Last, what the base image has and the snapshot doesn't (after anything above has copied or built from it).
  for (const b of base.trees) if (!kept.has(canon(b.path))) remove(b.path, "the base image's tree");
  const candidatePaths = new Set(facts.candidates.flatMap((c) => c.hops.map((h) => canon(h.path))));
  for (const l of base.links) if (!kept.has(canon(l)) && !candidatePaths.has(canon(l)) && !trees.has(canon(l))) remove(l, "the base image's link");

  // The system package database is the image's: a go it owns in the snapshot but not here, or the reverse, stays so.
  const go = facts.candidates.find((c) => c.executable);
  if (platform === 'linux' && go?.realpath) {
    const ownedHere =
      base.trees.some((t) => kept.has(canon(t.path)) && inside(go.realpath!, t.path)) || base.files.some((f) => canon(f) === canon(go.realpath!));
    if (!!facts.packageOwner !== ownedHere)
      limit(
        `the system package database ${facts.packageOwner ? `owned go (${facts.packageOwner})` : 'did not own go'} in the snapshot and ${ownedHere ? 'does' : 'does not'} here`,
      );
  }
  if (facts.probeErrors.length)
    limit(`the snapshot's probes failed in places (${facts.probeErrors.map((e) => e.probe).join(', ')}): what they would have seen is not reproduced`);
  return { platform, base, ops, env, runAsUser, releases, limits, notes };
}

/** Absolute paths a script names (its interpreter, what it execs): a hint at what else it needs. */
function referencedPaths(script: string, windows: boolean): string[] {
  const out = new Set<string>();
  const re = windows ? /(?:^|[\s"'=(])([A-Za-z]:\\[^\s"'%]+)/g : /(?:^|[\s"'=(])(\/[A-Za-z0-9._+\-/]+)/g;
  for (const m of script.matchAll(re)) if (!m[1]!.includes('$')) out.add(m[1]!);
  return [...out];
}

/**
 * The parts of a tree to remove: each missing part, or the highest directory of the tree's own (bin, src, pkg and
 * below) above it that holds no part that is present (a tree copied without pkg/ lacks pkg/tool too, and cmd/go
 * tells those apart when it looks for GOROOT).
 */
export function missingParts(parts: Record<string, boolean>, sep: string): string[] {
  const present = Object.entries(parts)
    .filter(([, v]) => v)
    .map(([k]) => k.split(/[\\/]/));
  const out = new Set<string>();
  for (const [part, here] of Object.entries(parts)) {
    if (here) continue;
    const segs = part.split(/[\\/]/);
    let keep = segs.length;
    for (let n = segs.length - 1; n >= 1 && ['bin', 'src', 'pkg'].includes(segs[0]!); n--) {
      const dir = segs.slice(0, n);
      if (present.some((q) => dir.every((d, i) => q[i] === d))) break;
      keep = n;
    }
    out.add(segs.slice(0, keep).join(sep));
  }
  return [...out];
}
