import type { ExecResult } from '../../engine/transport/transport.js';

export interface CopiedNode {
  /** Where the Node binary came from on this host. */
  hostPath: string;
  /** Its ELF program interpreter (dynamic loader), when it has one. */
  interpreter: string | null;
  /** Whether the target has that loader; null when it was not looked up. */
  interpreterPresent: boolean | null;
}

/**
 * One line saying why the Node copied into a target could not start there (a missing loader or shared
 * library, a C library too old), from what the OS or the loader said; null when Node did start.
 */
export function explainNodeStartFailure(r: Pick<ExecResult, 'exitCode' | 'stderr' | 'spawnError'>, node: CopiedNode): string | null {
  const said = `${r.spawnError ?? ''}\n${r.stderr}`;
  const needs = `this host's Node (${node.hostPath}) needs`;
  // glibc's loader: "node: error while loading shared libraries: libstdc++.so.6: cannot open shared object file: ..."
  const glibcLib = /error while loading shared libraries: ([^:\s]+): cannot open shared object file/.exec(said);
  if (glibcLib) return `the target has no ${glibcLib[1]}, which ${needs} (install it there, or use a Node built without it)`;
  // "…/libc.so.6: version `GLIBC_2.28' not found (required by …/node)"
  const version = /([^\s:]+): version [`'‘]([^'’]+)['’] not found/.exec(said);
  if (version) return `the target's ${version[1]} lacks ${version[2]}, which ${needs}: its C library is older than the host's`;
  // musl's loader (Alpine): "Error loading shared library libstdc++.so.6: No such file or directory (needed by …)"
  const muslLib = /Error loading shared library ([^:\s]+): No such file/.exec(said);
  if (muslLib) return `the target has no ${muslLib[1]}, which ${needs} (a musl system such as Alpine runs glibc programs only with gcompat)`;
  if (/Error relocating [^:]+: [^:]+: symbol not found/.test(said)) return `the target's C library lacks symbols ${needs}: it is not glibc (musl?)`;
  if (r.spawnError === null) return null;
  // The kernel says ENOENT for a file that exists when its loader is missing: name the loader, not the file.
  if (node.interpreter && node.interpreterPresent === false)
    return `the target has no ${node.interpreter}, the program loader ${needs} (it is a glibc program; musl systems such as Alpine lack it)`;
  if (/permission denied|EACCES/i.test(r.spawnError))
    return `the target won't execute the copied Node (${r.spawnError.trim()}): is its temporary directory mounted noexec?`;
  if (/exec format error|ENOEXEC/i.test(r.spawnError))
    return `the target can't execute the format of this host's Node (${node.hostPath}): ${r.spawnError.trim()}`;
  return `the copied Node could not start on the target: ${r.spawnError.trim()}`;
}
