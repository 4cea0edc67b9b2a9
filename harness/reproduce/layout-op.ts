/**
 * One step of a reproduced layout, applied in order by images/reproduce/apply-layout.sh. Paths are relative to
 * the layout's root (/ on Linux, drive_c under Wine), already checked by layoutPath: no "..", no empty part.
 */
export type LayoutOp =
  | { op: 'remove'; path: string }
  | { op: 'dir'; path: string; mode: number }
  | { op: 'file'; path: string; mode: number; content: string }
  | { op: 'link'; path: string; target: string }
  | { op: 'copytree'; from: string; path: string }
  | { op: 'copyfile'; from: string; path: string; mode: number }
  /** cmd/go built from a tree's own sources by that tree's go: `release` as Debian and go.dev build it (-trimpath), `plain` as a bare go build. */
  | { op: 'buildgo'; tree: string; path: string; goarch: string; flags: 'release' | 'plain' }
  | { op: 'truncate'; path: string; size: number }
  | { op: 'chmod'; path: string; mode: number }
  | { op: 'adduser' }
  | { op: 'own'; path: string }
  | { op: 'setenv'; scope: 'machine' | 'user'; name: string; value: string }
  | { op: 'unsetenv'; scope: 'machine' | 'user'; name: string };

export type LayoutPlatform = 'linux' | 'wine';
