import type { CommandFact, FactSnapshot } from '../facts/fact-snapshot.js';
import type { ProjectFact } from '../facts/project-fact.js';
import { governingFile } from '../project/governing-file.js';
import { isLanguageVersion } from '../project/go-version.js';
import { selectToolchain, type GoverningFile, type Selection } from '../project/select-toolchain.js';
import { commandText, ok, parseGoVersionLine, settingSource } from '../checks/toolchain-view.js';

/** The facts the project checks compare, derived from `verify --project DIR`'s snapshot (pure). */
export interface ProjectView {
  project: ProjectFact;
  dir: string;
  file: GoverningFile | null;
  /** The local toolchain's version, e.g. 1.22.12 (the local go's own go env GOVERSION in DIR). */
  local: string | null;
  selection: Selection | null;
  /** GOTOOLCHAIN and where go read it from. */
  gotoolchain: { value: string; source: string } | null;
  /** What `go version` printed in DIR (the toolchain the project really gets), or null when it failed. */
  runs: string | null;
  /** `go version` in DIR failed: the whole project is out of reach. */
  versionText: string;
  loadText: string;
  /** The environment-level go works: a failure seen only in DIR is the project's doing. */
  goWorksElsewhere: boolean;
  mode: 'module' | 'workspace' | 'gopath' | null;
}

export function projectView(facts: FactSnapshot): ProjectView | null {
  const p = facts.project;
  if (!p?.exists || !p.env) return null;
  const env = p.env;
  const file = governingFile(p.workFile, p.modFile);
  const local = env.GOVERSION ? env.GOVERSION.replace(/^go/, '') : null;
  const src = settingSource(facts, 'GOTOOLCHAIN');
  const gotoolchain = env.GOTOOLCHAIN !== undefined ? { value: env.GOTOOLCHAIN, source: src?.value === env.GOTOOLCHAIN ? src.source : 'go env' } : null;
  const moduleMode = env.GOMOD !== '';
  return {
    project: p,
    dir: p.dir,
    file,
    local,
    selection: local !== null ? selectToolchain({ local, gotoolchain: env.GOTOOLCHAIN ?? '', moduleMode, file }) : null,
    gotoolchain,
    runs: ok(p.version ?? undefined) ? parseGoVersionLine(p.version?.stdout) : null,
    versionText: failureText(p.version),
    loadText: failureText(p.load),
    goWorksElsewhere: ok(facts.commands.version),
    mode: !moduleMode ? 'gopath' : env.GOWORK && env.GOWORK !== 'off' ? 'workspace' : 'module',
  };
}

/**
 * go works for the environment but does not even start in DIR: `go env` and `go version` there both fail (a manager's
 * shim that cannot resolve the version DIR pins, say), so none of the project's own checks has facts to judge.
 */
export function goFailsInProject(facts: FactSnapshot): { dir: string; text: string } | null {
  const p = facts.project;
  if (!p?.exists || !ok(facts.commands.version) || !p.version || ok(p.version) || p.version.timedOut || ok(p.envCommand ?? undefined)) return null;
  return { dir: p.dir, text: failureText(p.version) };
}

/** What a failed command said ('' when it succeeded or never ran); a silent failure still reads as one. */
function failureText(c: CommandFact | null): string {
  if (!c || ok(c)) return '';
  return commandText(c) || (c.timedOut ? '(timed out)' : '(no output)');
}

/** `GOTOOLCHAIN=local (environment)`, for messages. */
export function gotoolchainText(v: ProjectView): string {
  return v.gotoolchain ? `GOTOOLCHAIN=${v.gotoolchain.value || '(unset)'} (${v.gotoolchain.source})` : 'GOTOOLCHAIN unknown';
}

/** `go.mod (/w/app/go.mod: go 1.23.4, toolchain go1.23.4)`. */
export function fileText(f: GoverningFile): string {
  const lines = [f.goLine && `go ${f.goLine}`, f.toolchainLine && `toolchain ${f.toolchainLine}`].filter(Boolean).join(', ');
  return `${f.path}${lines ? `: ${lines}` : ''}`;
}

/** The release that satisfies a go line: a language version ≥ 1.21 names no release, its first is .0 (go.dev/issue/62278). */
export function releaseFor(goLine: string): string {
  return `go${goLine}${isLanguageVersion(goLine) && !/^1\.([0-9]|1[0-9]|20)$/.test(goLine) ? '.0' : ''}`;
}

/** How to let go switch again, given where GOTOOLCHAIN was set. */
export function allowSwitchFix(v: ProjectView, value: string): string {
  const source = v.gotoolchain?.source;
  if (source === 'environment') return `set GOTOOLCHAIN=${value} where your shell or CI sets GOTOOLCHAIN`;
  if (source === 'user env file') return `go env -w GOTOOLCHAIN=${value}`;
  return `go env -w GOTOOLCHAIN=${value} (this go's GOROOT/go.env sets ${v.gotoolchain?.value ?? 'it'})`;
}

/** Lines of go's output, for evidence. */
export function goSaid(label: string, text: string, max = 4): string {
  const lines = [
    ...new Set(
      text
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ];
  return `${label}: ${lines.slice(0, max).join(' | ').slice(0, 600)}`;
}
