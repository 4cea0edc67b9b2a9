import type { FactSnapshot } from '../facts/fact-snapshot.js';
import { projectView } from '../project/project-view.js';

/** report@1's `project` object (verify --project DIR): what go build in DIR gets, from the same facts the checks read. */
export interface ProjectSummary {
  dir: string;
  /** module, workspace (a go.work governs), gopath (go env GOMOD is empty); null when go could not say. */
  mode: 'module' | 'workspace' | 'gopath' | null;
  gomod: string | null;
  gowork: string | null;
  /** The file whose go and toolchain lines select the toolchain. */
  file: { path: string; kind: 'go.mod' | 'go.work'; go: string | null; toolchain: string | null } | null;
  gotoolchain: { value: string; source: string } | null;
  /** The local toolchain, e.g. go1.22.12. */
  local: string | null;
  /** The toolchain selection rules' answer: "local" or a name such as go1.23.4, and why; null when no selection happens. */
  selected: { toolchain: string; reason: string; mode: string } | null;
  /** What `go version` printed in DIR: the toolchain the project really gets; null when go could not run one. */
  runs: string | null;
  /** Where that toolchain comes from. */
  source: 'local' | 'path' | 'module-cache' | 'download' | null;
  /** `go list -deps ./...` loaded the packages (GOPROXY=off). */
  loads: boolean | null;
}

export function summarizeProject(facts: FactSnapshot): ProjectSummary | null {
  const p = facts.project;
  if (!p) return null;
  const v = projectView(facts);
  const env = p.env;
  const sel = v?.selection?.kind === 'run' ? v.selection : null;
  const t = p.toolchain;
  const source = !v?.runs ? null : v.local && v.runs === `go${v.local}` ? 'local' : t?.onPath ? 'path' : t?.moduleCache?.present ? 'module-cache' : 'download';
  return {
    dir: p.dir,
    mode: v?.mode ?? null,
    gomod: env?.GOMOD || null,
    gowork: env?.GOWORK && env.GOWORK !== 'off' ? env.GOWORK : null,
    file: v?.file ? { path: v.file.path, kind: v.file.kind, go: v.file.goLine || null, toolchain: v.file.toolchainLine || null } : null,
    gotoolchain: v?.gotoolchain ?? null,
    local: v?.local ? `go${v.local}` : null,
    selected: sel ? { toolchain: sel.toolchain, reason: sel.reason, mode: sel.mode || 'none' } : null,
    runs: v?.runs ?? null,
    source,
    loads: p.load ? p.load.exitCode === 0 && !p.load.timedOut && !p.load.truncated : null,
  };
}
