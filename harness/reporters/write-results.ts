import { lstat, mkdir, open, readdir, rename, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import type { RunSummary } from '../runner/run-summary.js';
import { renderHtml } from './html-reporter.js';
import { renderJunit } from './junit-reporter.js';
import { renderMarkdown } from './markdown-reporter.js';

export const RESULT_FILES = {
  'summary.json': (s: RunSummary) => `${JSON.stringify(s, null, 2)}\n`,
  'junit.xml': renderJunit,
  'report.md': renderMarkdown,
  'report.html': renderHtml,
} as const;

export interface WriteResultsOptions {
  /** Called after each file is written and synced; a throw here is a crash mid-write (tests). */
  afterFile?: (name: keyof typeof RESULT_FILES) => void | Promise<void>;
  platform?: NodeJS.Platform;
  now?: () => number;
  /** Temp entries of crashed runs older than this are removed; younger ones may belong to a run still writing. */
  staleMs?: number;
}

const TEMP = /^\..+\.tmp-\d+$/;
const HOUR = 3_600_000;

/**
 * Writes summary.json, junit.xml, report.md and report.html to `dir/<runId>/` and points `dir/latest`
 * at it. Returns the run's directory.
 */
export async function writeResults(dir: string, summary: RunSummary, opts: WriteResultsOptions = {}): Promise<string> {
  const files = (Object.entries(RESULT_FILES) as [keyof typeof RESULT_FILES, (s: RunSummary) => string][]).map(
    ([name, render]) => [name, () => render(summary)] as const,
  );
  return writeRunDirectory(dir, summary.runId, files, opts as WriteRunDirectoryOptions);
}

export interface WriteRunDirectoryOptions extends Omit<WriteResultsOptions, 'afterFile'> {
  afterFile?: (name: string) => void | Promise<void>;
}

/**
 * Writes each file to `dir/<runId>/` and points `dir/latest` at it. All land in a temp sibling first and the
 * directory is renamed into place, so a `<runId>` directory is either complete or absent.
 */
export async function writeRunDirectory(
  dir: string,
  runId: string,
  files: readonly (readonly [string, () => string])[],
  opts: WriteRunDirectoryOptions = {},
): Promise<string> {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(runId) || runId === 'latest' || runId === 'latest.txt')
    throw new Error(`run id ${JSON.stringify(runId)} cannot name a results directory (letters, digits, . _ - only)`);
  await mkdir(dir, { recursive: true });
  await removeStaleTemps(dir, (opts.now ?? Date.now)() - (opts.staleMs ?? HOUR));

  const final = path.join(dir, runId);
  if (await exists(final)) throw new Error(`${final} already exists; a run id is written once`);
  const temp = path.join(dir, `.${runId}.tmp-${process.pid}`);
  await rm(temp, { recursive: true, force: true });
  await mkdir(temp);
  try {
    for (const [name, render] of files) {
      await writeSynced(path.join(temp, name), render());
      await opts.afterFile?.(name);
    }
    await syncDir(temp);
    await rename(temp, final);
  } catch (e) {
    await rm(temp, { recursive: true, force: true });
    throw e;
  }
  await syncDir(dir);
  await pointLatest(dir, runId, opts.platform ?? process.platform);
  return final;
}

/** `dir/latest` → runId, swapped in by renaming a fresh symlink over it; `latest.txt` where symlinks are not to be had. */
export async function pointLatest(dir: string, runId: string, platform: NodeJS.Platform = process.platform): Promise<void> {
  if (platform !== 'win32') {
    const temp = path.join(dir, `.latest.tmp-${process.pid}`);
    try {
      await rm(temp, { force: true });
      await symlink(runId, temp, 'dir');
      await rename(temp, path.join(dir, 'latest'));
      await syncDir(dir);
      return;
    } catch {
      // No symlinks here (a filesystem without them), or `latest` is a real directory: fall through to latest.txt.
      await rm(temp, { force: true });
    }
  }
  const temp = path.join(dir, `.latest.txt.tmp-${process.pid}`);
  await writeSynced(temp, `${runId}\n`);
  await rename(temp, path.join(dir, 'latest.txt'));
  await syncDir(dir);
}

/** Removes `.<name>.tmp-<pid>` entries (directories or links) last modified before `olderThan` (ms since the epoch). */
export async function removeStaleTemps(dir: string, olderThan: number): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(dir)) {
    if (!TEMP.test(name)) continue;
    const p = path.join(dir, name);
    const st = await lstat(p).catch(() => null);
    if (!st || st.mtimeMs >= olderThan) continue;
    await rm(p, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

async function writeSynced(file: string, content: string): Promise<void> {
  const fh = await open(file, 'w');
  try {
    await fh.writeFile(content, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Makes a rename durable; Windows cannot open a directory for syncing, and does not need to. */
async function syncDir(dir: string): Promise<void> {
  let fh;
  try {
    fh = await open(dir, 'r');
    await fh.sync();
  } catch {
    // best effort
  } finally {
    await fh?.close();
  }
}

async function exists(p: string): Promise<boolean> {
  return lstat(p).then(
    () => true,
    () => false,
  );
}
