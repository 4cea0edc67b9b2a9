import { describe, expect, it } from 'vitest';
import { buildMatrix } from '../../../harness/converge/build-matrix.js';
import { CONVERGE_BEHAVIOURS } from '../../../harness/converge/converge-behaviours.js';
import { CONVERGENCE_SCHEMA, type ConvergenceDocument } from '../../../harness/converge/convergence-document.js';
import { renderConvergenceHtml } from '../../../harness/converge/render-convergence-html.js';
import { expectGolden, XSS } from '../reporters/sample-run.js';
import { checkXml } from '../reporters/xml-well-formed.js';
import { ENVS, sampleRuns } from './converge-fixture.js';

function sampleDocument(): ConvergenceDocument {
  const runs = sampleRuns();
  // A hostile value and detail: probes print whatever the environment says.
  runs[0]!.observations['filepath.WalkDir'] = { state: 'ok', value: XSS, detail: '"><img src=x onerror=alert(2)>' };
  return {
    schema: CONVERGENCE_SCHEMA,
    runId: '2026-11-24T12-00-00-000Z-4242-converge',
    startedAt: '2026-11-24T12:00:00.000Z',
    finishedAt: '2026-11-24T12:03:10.000Z',
    host: { cores: 2, engine: 'docker 20.10.24+dfsg1', node: 'v20.19.2' },
    selection: { env: 'go-*,gccgo,windows-*,vm-*', concurrency: 2, quotaCpus: 1 },
    skipped: [{ env: 'vm-go-1.19', reason: 'qemu-system-x86_64 is not installed: run sudo scripts/vm-tools.sh' }],
    totalMs: 190_000,
    environments: runs,
    matrix: buildMatrix(ENVS, runs, CONVERGE_BEHAVIOURS),
  };
}

const html = renderConvergenceHtml(sampleDocument());
const { problems, elements } = checkXml(html, { doctype: true });

describe('renderConvergenceHtml', () => {
  it('matches test/golden/convergence.html (UPDATE_GOLDEN=1 rewrites it)', () => {
    expectGolden('convergence.html', html);
  });

  it('stays well-formed and inert whatever a probe printed', () => {
    expect(problems).toEqual([]);
    expect(elements.filter((e) => ['script', 'img', 'iframe', 'link'].includes(e.name))).toEqual([]);
    expect(elements.flatMap((e) => Object.keys(e.attrs)).filter((a) => /^on/i.test(a))).toEqual([]);
    expect(html).not.toContain(XSS);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('calls out the unexplained divergence and the failures above the matrix, and footnotes the known ones', () => {
    const alarm = html.slice(html.indexOf('<section class="alarm">'), html.indexOf('</section>'));
    expect(alarm).toContain('<b>signal TERM</b> on <b>go-1.27</b>: <code>not delivered</code>');
    expect(alarm).toContain('<b>runtime.GOMAXPROCS --cpus 1</b> on <b>windows-go-1.24</b>: timeout');
    expect(html.indexOf('class="alarm"')).toBeLessThan(html.indexOf('<table>'));
    expect(elements.filter((e) => e.name === 'td' && e.attrs.class === 'unexplained')).toHaveLength(1);
    const notes = elements.filter((e) => e.name === 'li' && /^n\d+$/.test(e.attrs.id ?? '')).map((e) => e.attrs.id);
    for (const a of elements.filter((e) => e.name === 'a' && /^#n\d+$/.test(e.attrs.href ?? ''))) expect(notes).toContain(a.attrs.href!.slice(1));
    expect(html).toContain('<a href="https://go.dev/doc/go1.25#container-aware-gomaxprocs">');
  });

  it('prints the time each environment took', () => {
    expect(html).toContain('<h2>Time per environment</h2>');
    expect(html).toContain('<p class="skipped">not run: <b>vm-go-1.19</b>: qemu-system-x86_64 is not installed: run sudo scripts/vm-tools.sh</p>');
    expect(html.match(/<td class="num">16\.9s<\/td>/g)).toHaveLength(4);
  });
});
