import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { RunSummary } from '../../../harness/runner/run-summary.js';

const REPO = path.resolve(import.meta.dirname, '../../..');
const GOLDEN_DIR = path.join(REPO, 'test/golden');

/** A fresh copy of test/fixtures/runs/sample-run.json. */
export function sampleRun(): RunSummary {
  return JSON.parse(readFileSync(path.join(REPO, 'test/fixtures/runs/sample-run.json'), 'utf8')) as RunSummary;
}

/** A fresh copy of test/fixtures/runs/two-providers-run.json: five scenarios on docker and vagrant, one divergence, two skipped. */
export function twoProvidersRun(): RunSummary {
  return JSON.parse(readFileSync(path.join(REPO, 'test/fixtures/runs/two-providers-run.json'), 'utf8')) as RunSummary;
}

/** A fresh copy of test/fixtures/runs/detectors-run.json: the docker half of the sample run, scored with three detectors and a baseline. */
export function detectorsRun(): RunSummary {
  return JSON.parse(readFileSync(path.join(REPO, 'test/fixtures/runs/detectors-run.json'), 'utf8')) as RunSummary;
}

/** Compares with test/golden/<name>; `UPDATE_GOLDEN=1` rewrites it instead. */
export function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(existsSync(file), `${file} is missing: run UPDATE_GOLDEN=1 npx vitest run test/unit/reporters`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

export const XSS = '<script>alert(1)</script>';
