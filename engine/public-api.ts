// The package's one public entry (`import … from 'goverity'`): everything not exported here is private.
export { verify, collectTargetFacts, type VerifyOptions } from './verify.js';
export { collectFacts, type CollectOptions } from './probes/collect-facts.js';
export { buildReport, REPORT_SCHEMA, type Report } from './report/build-report.js';
export { parseReport } from './report/parse-report.js';
export { redactSnapshot } from './facts/redact-snapshot.js';
export { inspectFile, type InspectResult } from './binary/inspect-file.js';
export { FINDING_CODES, isFindingCode, type FindingCode, type FindingCodeInfo } from './checks/finding-codes.js';
export { codeDocPath } from './report/code-doc-path.js';
export { FACTS_SCHEMA, type FactSnapshot } from './facts/fact-snapshot.js';
export type { Finding, Severity } from './checks/finding.js';
export type { Verdict } from './verdict/decide-verdict.js';
export type { Provenance, ProvenanceKind } from './verdict/derive-provenance.js';
export type { Transport, ExecOptions, ExecResult, FileStat, FileBytes, Platform } from './transport/transport.js';
export { TargetError } from './transport/target-error.js';
