import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { loadScenarios, parseScenario } from '../../harness/scenarios/load-scenarios.js';
import { judgeReport } from '../../harness/scenarios/judge-report.js';
import { scenarioLayerSpec } from '../../harness/scenarios/scenario-image.js';

const good = {
  id: 'x-case',
  title: 't',
  class: 'broken',
  breaks: 'b',
  image: { from: 'go-1.22' },
  expect: { verdict: ['broken'], codes: ['GOROOT_MISSING'], forbidden: ['GO_STUB'] },
};
const parse = (o: unknown) => () => parseScenario('/s/x-case.json', JSON.stringify(o));

describe('scenario files', () => {
  it('names the file, the field and the problem in one line', () => {
    expect(parse({ ...good, expect: { ...good.expect, verdict: ['fine'] } })).toThrow(
      '/s/x-case.json: expect.verdict[0]: "fine" is not one of ready, degraded, broken, absent',
    );
    expect(parse({ ...good, id: 'other' })).toThrow('/s/x-case.json: id: "other" must match the file name');
    expect(parse({ ...good, image: { from: 'go-1.22', dockerfile: '../../etc' } })).toThrow(
      '/s/x-case.json: image.dockerfile: must be a path inside the repository',
    );
    expect(parse({ ...good, image: { from: 'go-1.22', dockerfile: 'images/scenarios/x-case', network: 'host' } })).toThrow(
      '/s/x-case.json: image.network: is "host", not "none"',
    );
    expect(() => parseScenario('/s/x-case.json', '{"id": ')).toThrow(/^\/s\/x-case.json: \(json\): /);
    expect(parse({ ...good, expect: { codes: [] } })).toThrow('/s/x-case.json: expect.verdict: is missing');
    expect(parse({ ...good, title: 3 })).toThrow('/s/x-case.json: title: must be string');
  });

  it('rejects a code the finding-code table does not have, required or forbidden', () => {
    const table = '(the table: engine/checks/finding-codes.ts)';
    expect(parse({ ...good, expect: { ...good.expect, forbidden: ['GO_STUB', 'GOROOT_MISMACH'] } })).toThrow(
      `/s/x-case.json: expect.forbidden: "GOROOT_MISMACH" is not a finding code ${table}`,
    );
    expect(parse({ ...good, expect: { ...good.expect, codes: ['goroot_missing', 'toString'] } })).toThrow(
      `/s/x-case.json: expect.codes: "goroot_missing", "toString" is not a finding code ${table}`,
    );
    expect(parseScenario('/s/x-case.json', JSON.stringify(good)).expect).toMatchObject({ codes: ['GOROOT_MISSING'], forbidden: ['GO_STUB'] });
  });

  it('keeps an offline build request, and only then builds the layer without a network', () => {
    const offline = parseScenario(
      '/s/x-case.json',
      JSON.stringify({ ...good, image: { from: 'go-1.22', dockerfile: 'images/scenarios/x-case', network: 'none' } }),
    );
    const online = parseScenario('/s/x-case.json', JSON.stringify({ ...good, image: { from: 'go-1.22', dockerfile: 'images/scenarios/x-case' } }));
    expect(scenarioLayerSpec(offline)).toEqual({ id: 'scenario-x-case', kind: 'dockerfile', dir: 'images/scenarios/x-case', from: 'go-1.22', network: 'none' });
    expect(scenarioLayerSpec(online)).toEqual({ id: 'scenario-x-case', kind: 'dockerfile', dir: 'images/scenarios/x-case', from: 'go-1.22' });
    expect(scenarioLayerSpec(parseScenario('/s/x-case.json', JSON.stringify(good)))).toBeNull();
  });

  it('loads the whole corpus: every file valid, ids unique', async () => {
    const { scenarios, errors } = await loadScenarios(path.resolve(import.meta.dirname, '../../scenarios'));
    expect(errors.map((e) => e.message)).toEqual([]);
    expect(new Set(scenarios.map((s) => s.id)).size).toBe(scenarios.length);
  });

  it('judges a report by verdict, authenticity, required and forbidden codes', () => {
    const s = parseScenario('/s/x-case.json', JSON.stringify({ ...good, expect: { ...good.expect, authentic: true } }));
    const report = {
      verdict: 'degraded',
      authentic: false,
      provenance: { kind: 'distro', manager: null, container: true },
      findings: [{ code: 'GO_STUB', severity: 'error', message: 'm', evidence: [], fix: null }],
    };
    expect(judgeReport(s, report as never).why).toEqual([
      'expected verdict broken, got degraded',
      'expected authentic true, got false',
      'expected GOROOT_MISSING, got GO_STUB',
      'forbidden GO_STUB was raised: m',
    ]);
  });
});
