import { open } from 'node:fs/promises';
import { readElf } from '../../engine/binary/elf-reader.js';
import { goArch } from '../../engine/transport/go-arch.js';
import type { Platform, TargetOS } from '../../engine/transport/transport.js';

export interface HostNode extends Platform {
  path: string;
  /** The ELF program interpreter it needs on a target (glibc's ld-linux), or null. */
  interpreter: string | null;
}

/** The Node binary running this process: what a target needs to run a copy of it. */
export async function describeHostNode(path = process.execPath): Promise<HostNode> {
  const os: TargetOS = process.platform === 'win32' ? 'windows' : ((['linux', 'darwin', 'freebsd'] as const).find((o) => o === process.platform) ?? 'unknown');
  let interpreter: string | null = null;
  let arch = goArch(process.arch);
  if (os === 'linux' || os === 'freebsd') {
    // The ELF and program headers, where PT_INTERP's path also sits, fit in the first pages.
    const fh = await open(path, 'r');
    try {
      const head = Buffer.alloc(8192);
      const { bytesRead } = await fh.read(head, 0, head.length, 0);
      const elf = readElf(head.subarray(0, bytesRead), (await fh.stat()).size);
      interpreter = elf.interpreter;
      arch = elf.arch ?? arch;
    } finally {
      await fh.close();
    }
  }
  return { path, os, arch, interpreter };
}
