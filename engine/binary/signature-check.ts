import type { BinarySignature } from './binary-identity.js';

/** What a verifier throws for a signature that does not hold; its message is the reason shown. */
export class SignatureInvalid extends Error {}

/**
 * Runs a verifier on a fresh result of this kind; a SignatureInvalid, or anything a hostile file makes the parser
 * throw, turns it into valid: false with the reason. Never throws.
 */
export function checkSignature(kind: BinarySignature['kind'], what: string, verify: (out: BinarySignature) => void): BinarySignature {
  const out: BinarySignature = { kind, valid: null, signer: null, reasons: [] };
  try {
    verify(out);
  } catch (e) {
    out.valid = false;
    out.reasons.push(e instanceof SignatureInvalid ? e.message : `not a valid ${what} (${(e as Error).message})`);
  }
  return out;
}
