import type { FindingCode } from '../checks/finding-codes.js';

/** The code's section in the shipped docs/finding-codes.md, relative to the package root (one `## CODE` heading each). */
export function codeDocPath(code: FindingCode): string {
  return `docs/finding-codes.md#${code.toLowerCase()}`;
}
