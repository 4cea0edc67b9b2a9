import { writeRunDirectory } from '../reporters/write-results.js';
import type { ConvergenceDocument } from './convergence-document.js';
import { renderConvergenceHtml } from './render-convergence-html.js';

/** Writes convergence.json and convergence.html to `dir/<runId>/`, complete or not at all, and points `dir/latest` at it. */
export function writeConvergence(dir: string, doc: ConvergenceDocument): Promise<string> {
  return writeRunDirectory(dir, doc.runId, [
    ['convergence.json', () => `${JSON.stringify(doc, null, 2)}\n`],
    ['convergence.html', () => renderConvergenceHtml(doc)],
  ]);
}
