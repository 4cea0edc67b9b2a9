#!/usr/bin/env node
// Rewrites the README's table of reference-detector scores (between its detector-scores markers) from a run's
// summary.json, so the table is always a run's output, never typed in.
// usage: node scripts/readme-detector-scores.mjs [RESULTS_DIR]   (default results/latest; npm run build first)
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectorScoreTable } from '../dist/harness/reporters/detector-markdown.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.argv[2] ?? path.join(repo, 'results/latest');
const START = '<!-- detector-scores:start -->';
const END = '<!-- detector-scores:end -->';

function die(message) {
  process.stderr.write(`readme-detector-scores: ${message}\n`);
  process.exit(2);
}

let summary;
try {
  summary = JSON.parse(readFileSync(path.join(dir, 'summary.json'), 'utf8'));
} catch (e) {
  die(`cannot read ${path.join(dir, 'summary.json')} (${e.code ?? e.message}): give the results directory of a goverity run --detector ...`);
}
if (!summary.detectors?.length)
  die(`run ${summary.runId} scored no detectors: run goverity run --detector naive-checklist --detector which-go --detector goverity first`);
const readmePath = path.join(repo, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const [a, b] = [readme.indexOf(START), readme.indexOf(END)];
if (a < 0 || b < a) die(`README.md has no ${START} … ${END} section`);
const sel = summary.selection;
const code = (s) => `\`${s}\``;
const table = [
  START,
  '',
  ...detectorScoreTable(summary.detectors, code),
  '',
  `From run \`${summary.runId}\` (${summary.startedAt.slice(0, 10)}): scenarios ${sel.scenario ?? 'all'}, provider ${sel.provider}, ` +
    `mode ${sel.mode ?? 'agentless'}; regenerate with \`node scripts/readme-detector-scores.mjs results/<run>\`.`,
  '',
  END,
].join('\n');
writeFileSync(readmePath, readme.slice(0, a) + table + readme.slice(b + END.length));
process.stdout.write(`README.md: ${summary.detectors.length} detectors from ${summary.runId}\n`);
