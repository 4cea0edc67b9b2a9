import { lstat, mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { pointLatest, removeStaleTemps } from '../reporters/write-results.js';
import type { ConvergenceDocument } from './convergence-document.js';
import { renderConvergenceHtml } from './render-convergence-html.js';

const HOUR = 3_600_000;

/**
 * Writes convergence.json and convergence.html to `dir/<runId>/` through a temp sibling renamed into place (the
 * directory is complete or absent), then points `dir/latest` at it. Returns the run's directory.
 */
export async function writeConvergence(dir: string, doc: ConvergenceDocument): Promise<string> {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(doc.runId) || doc.runId.startsWith('latest'))
    throw new Error(`run id ${JSON.stringify(doc.runId)} cannot name a results directory (letters, digits, . _ - only)`);
  await mkdir(dir, { recursive: true });
  await removeStaleTemps(dir, Date.now() - HOUR);
  const final = path.join(dir, doc.runId);
  if (await lstat(final).then(() => true, () => false)) throw new Error(`${final} already exists; a run id is written once`);
  const temp = path.join(dir, `.${doc.runId}.tmp-${process.pid}`);
  await rm(temp, { recursive: true, force: true });
  await mkdir(temp);
  try {
    await writeSynced(path.join(temp, 'convergence.json'), `${JSON.stringify(doc, null, 2)}\n`);
    await writeSynced(path.join(temp, 'convergence.html'), renderConvergenceHtml(doc));
    await rename(temp, final);
  } catch (e) {
    await rm(temp, { recursive: true, force: true });
    throw e;
  }
  await pointLatest(dir, doc.runId);
  return final;
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
