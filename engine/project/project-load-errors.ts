import { projectView, type ProjectView } from './project-view.js';
import type { FactSnapshot } from '../facts/fact-snapshot.js';

/** go's own messages when `go list` in DIR cannot load the module graph, by cause (cmd/go/internal/modload). */
export const LOAD_CAUSES = {
  vendor: /inconsistent vendoring in |disabled by -mod=vendor|vendor\/modules\.txt/,
  gosum: /missing go\.sum entry/,
  notCached: /module lookup disabled by GOPROXY=off/,
} as const;

/** The project view when go's toolchain works in DIR (no switch failure) but `go list -deps ./...` there failed. */
export function failedLoad(facts: FactSnapshot): (ProjectView & { load: string }) | null {
  const v = projectView(facts);
  if (!v?.goWorksElsewhere || v.versionText || !v.loadText || /requires go >=/.test(v.loadText)) return null;
  return { ...v, load: v.loadText };
}
