import { escapeMarkupAttribute as attr } from './escape-markup.js';

export const junitSeconds = (ms: number) => (ms / 1000).toFixed(3);

/** One <testsuite> with its counts, properties and already-rendered testcases. */
export function junitSuite(o: {
  name: string;
  tests: number;
  failures: number;
  errors: number;
  timeMs: number;
  timestamp: string;
  properties: [string, string | number][];
  cases: string[];
}): string {
  return [
    `  <testsuite name="${attr(o.name)}" tests="${o.tests}" failures="${o.failures}" errors="${o.errors}" skipped="0" time="${junitSeconds(o.timeMs)}" timestamp="${attr(o.timestamp)}">`,
    '    <properties>',
    ...o.properties.map(([k, v]) => `      <property name="${attr(k)}" value="${attr(String(v))}"/>`),
    '    </properties>',
    ...o.cases,
    '  </testsuite>',
  ].join('\n');
}
