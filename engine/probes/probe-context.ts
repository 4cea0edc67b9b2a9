import { envValueAnyCase } from '../facts/env-value-any-case.js';
import path from 'node:path';
import type { ProbeError } from '../facts/fact-snapshot.js';
import type { FileStat, Platform, Transport } from '../transport/transport.js';

export interface ProbeLimits {
  /** Per quick command: go version, go env, tool -V. */
  commandTimeoutMs: number;
  /** Per build or run of the probe programs (a cold build compiles the runtime). */
  buildTimeoutMs: number;
  maxOutputBytes: number;
  /** Cap when reading a binary to identify it. */
  maxBinaryBytes: number;
}

export const DEFAULT_LIMITS: ProbeLimits = {
  commandTimeoutMs: 20_000,
  buildTimeoutMs: 180_000,
  maxOutputBytes: 1 << 20,
  maxBinaryBytes: 256 << 20,
};

export interface ProbeContext {
  transport: Transport;
  platform: Platform;
  env: Record<string, string>;
  /** Path arithmetic in the target's own spelling. */
  paths: path.PlatformPath;
  limits: ProbeLimits;
  errors: ProbeError[];
  online: boolean;
  /** lstat through a per-verification cache: many probes ask about the same few paths. */
  lstat: (path: string) => Promise<FileStat | null>;
  /** Memo of file identifications: the go on PATH and $GOROOT/bin/go are usually the same 10+ MB file. */
  identified: Map<string, Promise<unknown>>;
}

export function cachedLstat(transport: Transport): (path: string) => Promise<FileStat | null> {
  const cache = new Map<string, Promise<FileStat | null>>();
  return (p) => {
    let hit = cache.get(p);
    if (!hit) cache.set(p, (hit = transport.lstat(p)));
    return hit;
  };
}

export function pathsFor(platform: Platform): path.PlatformPath {
  return platform.os === 'windows' ? path.win32 : path.posix;
}

/** Windows variables are case-insensitive (Path vs PATH). */
export function envGet(ctx: Pick<ProbeContext, 'env' | 'platform'>, name: string): string | undefined {
  return ctx.platform.os === 'windows' ? envValueAnyCase(ctx.env, name) : ctx.env[name];
}

/** Runs a probe step; a failure is recorded as a probe error instead of aborting the whole collection. */
export async function guarded<T>(ctx: ProbeContext, probe: string, fallback: T, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    ctx.errors.push({ probe, message: e instanceof Error ? e.message : String(e) });
    return fallback;
  }
}
