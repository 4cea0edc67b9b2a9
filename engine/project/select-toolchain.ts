import { compareGoVersions, isLanguageVersion, isValidGoVersion, versionOfToolchain } from './go-version.js';

/** The go.work or go.mod that governs toolchain selection in a directory, with its two lines. */
export interface GoverningFile {
  path: string;
  kind: 'go.work' | 'go.mod';
  /** The `go` line's value ("" when there is none). */
  goLine: string;
  /** The `toolchain` line's value ("" when there is none). */
  toolchainLine: string;
}

export interface SelectionInput {
  /** The local toolchain's version, e.g. "1.22.12" (gover.Local()). */
  local: string;
  /** GOTOOLCHAIN as go reads it (environment, user env file, $GOROOT/go.env); "" when unset everywhere. */
  gotoolchain: string;
  /** Module mode will be on: Select does nothing in GOPATH mode. */
  moduleMode: boolean;
  file: GoverningFile | null;
}

export type Selection =
  /** No selection happens: module mode off, a go before 1.21, or no GOTOOLCHAIN anywhere (a go.env without the line). */
  | { kind: 'skipped'; why: 'gopath-mode' | 'gotoolchain-unset' | 'before-go1.21' }
  /** go stops with go's own message before running anything. */
  | { kind: 'invalid'; message: string }
  | {
      kind: 'run';
      /** The toolchain that runs: "local" for the local one, else a name such as go1.23.4. */
      toolchain: string;
      /** Its version. */
      version: string;
      /** auto: PATH, then the module cache or a download; path: PATH only; '': no switching allowed by the file. */
      mode: 'auto' | 'path' | '';
      /** What raised it: the GOTOOLCHAIN minimum, or the file's toolchain or go line. */
      reason: 'local' | 'gotoolchain' | 'toolchain-line' | 'go-line';
      /** The file asks for a newer Go than the toolchain that runs: go stops with "requires go >= …". */
      tooNew: { requires: string; line: 'go' } | null;
    };

/**
 * Which toolchain `go` runs in a directory: a pure transcription of toolchain.Select
 * (https://github.com/golang/go/blob/master/src/cmd/go/internal/toolchain/select.go) and the rules of
 * https://go.dev/doc/toolchain#select: GOTOOLCHAIN=local|auto|path|<name>[+auto|+path]; with +auto or +path a
 * go.work or go.mod `toolchain` line newer than the minimum raises it, then a `go` line newer still raises it
 * to that release (a language version ≥ 1.21 becomes its .0 release); `toolchain default` keeps the minimum.
 */
export function selectToolchain(input: SelectionInput): Selection {
  if (!input.moduleMode) return { kind: 'skipped', why: 'gopath-mode' };
  // Toolchain switching arrived in Go 1.21; older go commands (and gccgo's "unknown") ignore GOTOOLCHAIN.
  if (!isValidGoVersion(input.local) || compareGoVersions(input.local, '1.21') < 0) return { kind: 'skipped', why: 'before-go1.21' };
  const raw = input.gotoolchain;
  if (raw === '') return { kind: 'skipped', why: 'gotoolchain-unset' };
  const localName = `go${input.local}`;
  let minToolchain = localName;
  let minVers = input.local;
  let reason: 'local' | 'gotoolchain' | 'toolchain-line' | 'go-line' = 'local';
  let mode: 'auto' | 'path' | '';
  if (raw === 'auto' || raw === 'path') mode = raw;
  else {
    const plus = raw.indexOf('+');
    const min = plus < 0 ? raw : raw.slice(0, plus);
    const suffix = plus < 0 ? '' : raw.slice(plus + 1);
    if (min !== 'local') {
      const v = versionOfToolchain(min);
      if (v === '')
        return { kind: 'invalid', message: plus >= 0 ? `invalid GOTOOLCHAIN "${raw}": invalid minimum toolchain "${min}"` : `invalid GOTOOLCHAIN "${raw}"` };
      minToolchain = min;
      minVers = v;
      reason = 'gotoolchain';
    }
    if (plus >= 0 && suffix !== 'auto' && suffix !== 'path')
      return { kind: 'invalid', message: `invalid GOTOOLCHAIN "${raw}": only version suffixes are +auto and +path` };
    mode = suffix as 'auto' | 'path' | '';
  }
  let chosen = minToolchain;
  const file = input.file;
  if ((mode === 'auto' || mode === 'path') && file && file.toolchainLine !== 'default') {
    if (file.toolchainLine !== '') {
      const toolVers = versionOfToolchain(file.toolchainLine);
      if (toolVers === '' || (!file.toolchainLine.startsWith('go') && !file.toolchainLine.includes('-go')))
        return { kind: 'invalid', message: `invalid toolchain "${file.toolchainLine}" in ${file.kind}` };
      if (compareGoVersions(toolVers, minVers) > 0) {
        chosen = file.toolchainLine;
        minVers = toolVers;
        reason = 'toolchain-line';
      }
    }
    if (isValidGoVersion(file.goLine) && compareGoVersions(file.goLine, minVers) > 0) {
      // go.dev/issue/62278: a language version names no release; its first release is .0.
      chosen = `go${file.goLine}${isLanguageVersion(file.goLine) && compareGoVersions(file.goLine, '1.21') >= 0 ? '.0' : ''}`;
      minVers = file.goLine;
      reason = 'go-line';
    }
  }
  const isLocal = chosen === 'local' || chosen === localName;
  // select.go's sanity check before the PATH search: GOTOOLCHAIN=bash must not run bash.
  if (!isLocal && !chosen.startsWith('go1') && !chosen.includes('-go1')) return { kind: 'invalid', message: `invalid GOTOOLCHAIN "${chosen}"` };
  const version = isLocal ? input.local : versionOfToolchain(chosen);
  // Whatever runs then loads the go.mod: a go line above its own version stops it (gover.TooNewError).
  const goLine = file && isValidGoVersion(file.goLine) ? file.goLine : '';
  const tooNew = goLine && compareGoVersions(goLine, version) > 0 ? { requires: goLine, line: 'go' as const } : null;
  return { kind: 'run', toolchain: isLocal ? 'local' : chosen, version, mode, reason, tooNew };
}

/** The module golang.org/toolchain version that holds a toolchain for an OS and architecture (select.go Exec). */
export function toolchainModuleVersion(toolchain: string, goos: string, goarch: string): string {
  return `v0.0.1-${toolchain}.${goos}-${goarch}`;
}
