import { describe, expect, it } from 'vitest';
import { explainNodeStartFailure, type CopiedNode } from '../../../harness/runner/explain-node-start-failure.js';

const node: CopiedNode = { hostPath: '/usr/bin/node', interpreter: '/lib64/ld-linux-x86-64.so.2', interpreterPresent: true };
const failed = (stderr: string, spawnError: string | null = null, exitCode: number | null = 127) => ({ exitCode, stderr, spawnError });

describe('explainNodeStartFailure', () => {
  it("names the shared library glibc's loader could not find", () => {
    const why = explainNodeStartFailure(
      failed('/tmp/goverity-x/node: error while loading shared libraries: libstdc++.so.6: cannot open shared object file: No such file or directory\n'),
      node,
    );
    expect(why).toBe("the target has no libstdc++.so.6, which this host's Node (/usr/bin/node) needs (install it there, or use a Node built without it)");
  });

  it('names the C library version that is missing', () => {
    const why = explainNodeStartFailure(
      failed("/tmp/goverity-x/node: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.28' not found (required by /tmp/goverity-x/node)\n", null, 1),
      node,
    );
    expect(why).toMatch(/^the target's \/lib\/x86_64-linux-gnu\/libc\.so\.6 lacks GLIBC_2\.28, which this host's Node/);
  });

  it("names what musl's loader could not find", () => {
    expect(
      explainNodeStartFailure(failed('Error loading shared library libstdc++.so.6: No such file or directory (needed by /tmp/goverity-x/node)\n'), node),
    ).toMatch(/^the target has no libstdc\+\+\.so\.6, .*gcompat/);
    expect(explainNodeStartFailure(failed('Error relocating /tmp/goverity-x/node: gnu_get_libc_version: symbol not found\n'), node)).toMatch(/not glibc/);
  });

  it('names the missing program loader where the kernel only says "No such file or directory"', () => {
    const enoent = failed('', "timeout: failed to run command '/tmp/goverity-x/node': No such file or directory");
    expect(explainNodeStartFailure(enoent, { ...node, interpreterPresent: false })).toBe(
      "the target has no /lib64/ld-linux-x86-64.so.2, the program loader this host's Node (/usr/bin/node) needs (it is a glibc program; musl systems such as Alpine lack it)",
    );
    expect(explainNodeStartFailure(enoent, node)).toMatch(/^the copied Node could not start on the target: timeout: failed to run command/);
    expect(explainNodeStartFailure(failed('', 'spawn /tmp/goverity-x/node EACCES', null), node)).toMatch(/noexec/);
  });

  it("says nothing when Node started (the engine's own failure is reported elsewhere)", () => {
    expect(explainNodeStartFailure(failed('goverity: something went wrong\n', null, 2), node)).toBeNull();
    expect(explainNodeStartFailure(failed('', null, 0), node)).toBeNull();
  });
});
