import { open } from 'node:fs/promises';
import type { BinaryFormat, BinaryIdentity, BinarySignature, GoModule } from './binary-identity.js';
import { identifyBinary } from './identify-binary.js';
import { DEFAULT_LIMITS } from '../probes/probe-context.js';

/** One element of `goverity inspect --json`'s array (docs/contract.md). */
export interface InspectResult {
  file: string;
  format: BinaryFormat;
  os: string | null;
  arch: string | null;
  go: {
    version: string;
    path: string | null;
    mainModule: string | null;
    /** The "mod" line as `go version -m` prints it: path, version, sum, replacement; null when there is none. */
    main: GoModule | null;
    /** Every "dep" line, with its "=>" replacement, in the binary's order. */
    deps: GoModule[];
    buildSettings: Record<string, string>;
  } | null;
  signature: BinarySignature;
  problems: string[];
  bits: 32 | 64 | null;
  linkage: 'static' | 'dynamic' | null;
  interpreter: string | null;
  gccgo: boolean;
  goBuildId?: string;
  subsystem?: string;
  /** Why the file could not be read (then problems holds "unreadable"). */
  error?: string;
}

const NO_SIGNATURE: BinarySignature = { kind: 'none', valid: null, signer: null, reasons: [] };

/** What one file on this machine is, read from its first `maxBytes` bytes; never runs it. An unreadable file is a result too. */
export async function inspectFile(file: string, maxBytes = DEFAULT_LIMITS.maxBinaryBytes): Promise<InspectResult> {
  let bytes: Uint8Array;
  let size: number;
  try {
    const handle = await open(file, 'r');
    try {
      const st = await handle.stat();
      if (!st.isFile()) throw new Error(st.isDirectory() ? 'is a directory' : 'not a regular file');
      size = st.size;
      bytes = new Uint8Array(Math.min(size, maxBytes));
      let got = 0;
      while (got < bytes.length) {
        const { bytesRead } = await handle.read(bytes, got, bytes.length - got, got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      bytes = bytes.subarray(0, got);
    } finally {
      await handle.close();
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? 'no such file' : err.code === 'EACCES' ? 'permission denied' : err.message.split('\n')[0]!;
    return { ...fromIdentity(file, identifyBinary(new Uint8Array(0))), problems: ['unreadable'], error: why };
  }
  return fromIdentity(file, identifyBinary(bytes, { fileSize: size }));
}

function fromIdentity(file: string, id: BinaryIdentity): InspectResult {
  return {
    file,
    format: id.format,
    os: id.os,
    arch: id.arch,
    go: id.go
      ? {
          version: id.go.version,
          path: id.go.path,
          mainModule: id.go.mainModule,
          main: id.go.main ?? null,
          deps: id.go.deps ?? [],
          buildSettings: id.go.buildSettings,
        }
      : null,
    signature: orderedSignature(id.signature ?? NO_SIGNATURE),
    problems: id.problems,
    bits: id.bits,
    linkage: id.linkage,
    interpreter: id.interpreter,
    gccgo: id.gccgo,
    ...(id.goBuildId !== undefined ? { goBuildId: id.goBuildId } : {}),
    ...(id.subsystem !== undefined ? { subsystem: id.subsystem } : {}),
  };
}

/** The contract's three fields first, the details after, the reasons last. */
function orderedSignature({ kind, valid, signer, reasons, ...details }: BinarySignature): BinarySignature {
  return { kind, valid, signer, ...details, reasons };
}
