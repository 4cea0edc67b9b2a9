import { describe, expect, it } from 'vitest';
import { cgoBuildFailed } from '../../../engine/checks/cgo-build-failed.js';
import { GENUINE_FIXTURES, loadSnapshot, only, withCommand, withFailedCommand } from '../snapshot-builders.js';

const debian = () => loadSnapshot('linux-debian-golang-go');

describe('cgo-build-failed (CGO_BUILD_FAILED)', () => {
  it('fires when C headers are missing, and says which package to install', () => {
    const s = withFailedCommand(
      debian(),
      'buildCgo',
      '# runtime/cgo\n_cgo_export.c:3:10: fatal error: stdlib.h: No such file or directory\n    3 | #include <stdlib.h>\ncompilation terminated.\n',
    );
    const f = only(cgoBuildFailed(s), 'CGO_BUILD_FAILED');
    expect(f.severity).toBe('warning');
    expect(f.message).toBe('A C compiler exists (/usr/bin/gcc) but building a cgo program fails.');
    expect(f.evidence[0]).toContain('fatal error: stdlib.h: No such file or directory');
    expect(f.fix).toBe('C headers are missing (Debian/Ubuntu: apt-get install libc6-dev).');
  });

  it('fires when the linker fails', () => {
    // binutils ≥ 2.39 ends the message with "No such file or directory", as a missing header does.
    const s = withFailedCommand(
      debian(),
      'buildCgo',
      '# goverity.invalid/cgo\n/usr/bin/ld: cannot find -lpthread: No such file or directory\ncollect2: error: ld returned 1 exit status\n',
    );
    const f = only(cgoBuildFailed(s), 'CGO_BUILD_FAILED');
    expect(f.fix).toBe('The linker failed: install the C library development files or fix CGO_LDFLAGS.');
  });

  it('fires when the cgo program builds but does not run right, quoting the run', () => {
    const s = withFailedCommand(debian(), 'runCgo', 'error while loading shared libraries: libc.so.6\n', 127);
    const f = only(cgoBuildFailed(s), 'CGO_BUILD_FAILED');
    expect(f.evidence[0]).toBe('/tmp/goverity-mlGZ2zmd/cgo.bin: exit 127: error while loading shared libraries: libc.so.6');
    expect(f.fix).toBe('Check that gcc can compile a C file, and CGO_CFLAGS/CGO_LDFLAGS.');
  });

  it('fires on a Mac whose /usr/bin/clang is only the Command Line Tools stub, and says how to install them', () => {
    const s = withFailedCommand(
      loadSnapshot('darwin-homebrew'),
      'buildCgo',
      '# runtime/cgo\nxcrun: error: invalid active developer path (/Library/Developer/CommandLineTools), missing xcrun at: /Library/Developer/CommandLineTools/usr/bin/xcrun\n',
    );
    const f = only(cgoBuildFailed(s), 'CGO_BUILD_FAILED');
    expect(f.message).toBe('A C compiler exists (/usr/bin/clang) but building a cgo program fails.');
    expect(f.evidence[0]).toContain('xcrun: error: invalid active developer path');
    expect(f.fix).toBe('The Xcode Command Line Tools are missing or broken: xcode-select --install.');
  });

  it('stays silent without a C compiler (CGO_TOOLCHAIN_MISSING says it) and when pure Go fails too (BUILD_FAILED says it)', () => {
    expect(cgoBuildFailed(withFailedCommand(loadSnapshot('linux-debian-no-cc'), 'buildCgo', 'cgo: C compiler "gcc" not found'))).toEqual([]);
    expect(cgoBuildFailed(loadSnapshot('linux-goroot-other-release'))).toEqual([]);
  });

  it('stays silent when cgo was not attempted (CGO_ENABLED=0)', () => {
    expect(cgoBuildFailed(withCommand(withCommand(debian(), 'buildCgo', null), 'runCgo', null))).toEqual([]);
  });

  it.each(GENUINE_FIXTURES)('stays silent on genuine %s', (name) => {
    expect(cgoBuildFailed(loadSnapshot(name))).toEqual([]);
  });
});
