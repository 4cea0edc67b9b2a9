// goverity/testing: goverity's corpus and engine in someone else's vitest suite, on testcontainers. Everything not exported here is private.
// The augmentation below needs vitest in the program: an augmentation alone does not load the module it augments.
import type {} from 'vitest';
import type { GoverityMatchers } from './goverity-matchers.js';

export { goverityMatchers, type GoverityMatchers, type MatcherResult } from './goverity-matchers.js';
export { ScenarioContainer, StartedScenarioContainer, loadScenarioSource, scenarioImage, type ScenarioSource } from './scenario-container.js';
export { verifyContainer, type VerifyContainerOptions } from './verify-container.js';
export type { Scenario } from '../scenarios/scenario.js';
export type { Report } from '../../engine/report/build-report.js';
export type { FindingCode } from '../../engine/checks/finding-codes.js';
export type { Verdict } from '../../engine/verdict/decide-verdict.js';

declare module 'vitest' {
  // biome-ignore lint/suspicious/noExplicitAny: vitest's own declaration of Matchers takes T = any.
  interface Matchers<T = any> extends GoverityMatchers<T> {}
}
