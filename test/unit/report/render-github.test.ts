import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../engine/report/build-report.js';
import { escapeData, renderGithubAnnotations, renderGithubSummary } from '../../../engine/report/render-github.js';
import { renderRunAnnotations, renderRunSummary } from '../../../harness/reporters/github-run-reporter.js';
import type { RunSummary } from '../../../harness/runner/run-summary.js';
import { loadSnapshot } from '../snapshot-builders.js';

const REPO = path.resolve(import.meta.dirname, '../../..');
const GOLDEN_DIR = path.join(REPO, 'test/golden');
const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';

function golden(name: string, text: string): void {
  const file = path.join(GOLDEN_DIR, name);
  if (UPDATE_GOLDEN) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, text);
  }
  expect(existsSync(file), `${file} is missing: run UPDATE_GOLDEN=1 npx vitest run --project unit`).toBe(true);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

describe('--format github golden files (UPDATE_GOLDEN=1 rewrites them)', () => {
  it.each(['linux-goroot-other-release', 'darwin-homebrew', 'windows-msi', 'linux-no-go'])('verify: %s', (name) => {
    const report = buildReport(loadSnapshot(name));
    golden(`github-${name}.txt`, renderGithubAnnotations(report));
    golden(`github-${name}.md`, renderGithubSummary(report));
  });

  it.each(['sample-run', 'two-providers-run'])('run: %s', (name) => {
    const summary = JSON.parse(readFileSync(path.join(REPO, 'test/fixtures/runs', `${name}.json`), 'utf8')) as RunSummary;
    golden(`github-${name}.txt`, renderRunAnnotations(summary));
    golden(`github-${name}.md`, renderRunSummary(summary));
  });
});

describe('workflow commands', () => {
  it('put one annotation per finding on one line, at its severity, evidence and fix escaped into it', () => {
    const report = buildReport(loadSnapshot('linux-goroot-other-release'));
    const lines = renderGithubAnnotations(report).trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::error title=goverity GOROOT_MISMATCH::'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('::error title=goverity BUILD_FAILED::'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('::notice title=goverity CONTAINER::'))).toHaveLength(1);
    expect(lines).toHaveLength(report.findings.length + 1);
    expect(lines.at(-1)).toBe('goverity docker-image:goverity/dev-goroot-other-release: broken, authentic');
    expect(lines.find((l) => l.includes('GOROOT_MISMATCH'))).toContain('%0Afix: Unset GOROOT');
  });

  it('escape %, CR and LF so a message can never start another command', () => {
    expect(escapeData('50% done\r\n::error::x')).toBe('50%25 done%0D%0A::error::x');
  });
});
