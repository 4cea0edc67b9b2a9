import type { Report } from '../../engine/report/build-report.js';
import type { Scenario } from '../scenarios/scenario.js';

/** The scenario's expectations as the snapshot's own verdict: a maintainer edits them to what should happen. */
export function expectedFromReport(r: Report): { class: Scenario['class']; expect: Omit<Scenario['expect'], 'noErrors'> } {
  const cls: Scenario['class'] =
    r.verdict === 'ready' ? 'genuine' : r.verdict === 'degraded' ? 'degraded' : r.verdict === 'absent' ? 'absent' : r.authentic === false ? 'fake' : 'broken';
  return {
    class: cls,
    expect: {
      verdict: [r.verdict],
      authentic: r.authentic,
      provenance: { kind: r.provenance.kind, manager: r.provenance.manager },
      codes: [...new Set(r.findings.map((f) => f.code))].sort(),
      forbidden: [],
    },
  };
}
