import { createHash } from 'node:crypto';
import type { BinarySignature } from './binary-identity.js';
import { ByteView } from './byte-view.js';
import { OID, parseSignedData } from './cms-signed-data.js';
import { digestName, verifyCmsSigner } from './cms-signer-verifier.js';
import { TAG, children, content, expectTag, oid, octets } from './der-reader.js';
import type { PeFile } from './pe-reader.js';
import { checkSignature, SignatureInvalid } from './signature-check.js';

// Authenticode PE format: https://learn.microsoft.com/en-us/windows-hardware/drivers/install/authenticode (spec: "Windows Authenticode Portable Executable Signature Format")
const WIN_CERT_TYPE_PKCS_SIGNED_DATA = 0x0002;
const MAX_CERTIFICATE_ENTRIES = 16;

/** Checks a PE's Authenticode signature: the image hash against the signed digest, and the signer's signature; never throws. */
export function verifyAuthenticode(bytes: Uint8Array, fileSize: number, pe: PeFile): BinarySignature {
  const table = pe.certificateTable;
  if (!table) return { kind: 'none', valid: null, signer: null, reasons: [] };
  return checkSignature('authenticode', 'Authenticode signature', (out) => check(bytes, fileSize, pe, table, out));
}

function check(bytes: Uint8Array, fileSize: number, pe: PeFile, table: { offset: number; size: number }, out: BinarySignature): void {
  const view = new ByteView(bytes);
  const end = table.offset + table.size;
  if (end > fileSize) throw new SignatureInvalid(`the certificate table (${table.size} bytes at ${table.offset}) runs past the end of the file`);
  if (bytes.length < fileSize) {
    out.reasons.push(`only the first ${bytes.length} of ${fileSize} bytes were read`);
    return;
  }
  if (pe.checksumOffset === null || pe.certificateEntryOffset === null) throw new SignatureInvalid('not a valid Authenticode signature (no optional header)');
  const headerEnd = pe.certificateEntryOffset + 8;
  if (table.offset < headerEnd) throw new SignatureInvalid('not a valid Authenticode signature (the certificate table overlaps the headers)');
  let pkcs7: Uint8Array | null = null;
  for (let at = table.offset, n = 0; at + 8 <= end && n < MAX_CERTIFICATE_ENTRIES; n++) {
    const length = view.u32(at);
    const type = view.u16(at + 6);
    if (length < 8 || at + length > end) throw new SignatureInvalid('not a valid Authenticode signature (a certificate entry runs past the table)');
    if (type === WIN_CERT_TYPE_PKCS_SIGNED_DATA) {
      pkcs7 = bytes.subarray(at + 8, at + length);
      break;
    }
    // Entries are quadword-aligned.
    at += (length + 7) & ~7;
  }
  if (!pkcs7) throw new SignatureInvalid('not a valid Authenticode signature (the certificate table has no PKCS#7 entry)');

  const sd = parseSignedData(pkcs7);
  if (sd.contentType !== OID.spcIndirectData || !sd.content)
    throw new SignatureInvalid('not a valid Authenticode signature (its content is not SpcIndirectDataContent)');
  const b = sd.bytes;
  const indirect = expectTag(sd.content, TAG.SEQUENCE, 'SpcIndirectDataContent');
  const [, digestInfo] = children(b, indirect);
  const [alg, digest] = children(b, expectTag(digestInfo, TAG.SEQUENCE, 'DigestInfo'));
  const [algOid] = children(b, expectTag(alg, TAG.SEQUENCE, 'DigestInfo algorithm'));
  const algId = oid(b, expectTag(algOid, TAG.OID, 'DigestInfo algorithm'));
  const signedDigest = octets(b, expectTag(digest, TAG.OCTET_STRING, 'DigestInfo digest'));
  const hashName = digestName(algId);
  if (!hashName) throw new SignatureInvalid(`not a valid Authenticode signature (unknown image digest algorithm ${algId})`);
  out.digestAlgorithm = hashName;

  // Everything but CheckSum, the certificate table's directory entry and the table itself.
  const h = createHash(hashName);
  h.update(bytes.subarray(0, pe.checksumOffset));
  h.update(bytes.subarray(pe.checksumOffset + 4, pe.certificateEntryOffset));
  h.update(bytes.subarray(headerEnd, table.offset));
  h.update(bytes.subarray(end, fileSize));
  const failures: string[] = [];
  if (!h.digest().equals(signedDigest)) failures.push(`the image hash (${hashName}) does not match the signed one: the file changed after signing`);

  // The signed messageDigest covers SpcIndirectDataContent's value, without its own tag and length.
  const v = verifyCmsSigner(sd, content(b, indirect));
  out.signer = v.signer;
  out.chain = v.chain;
  out.chainComplete = v.chainComplete;
  out.timestamp = v.timestamp;
  let valid: boolean | null = true;
  if (v.signer === null || v.signatureValid === false || v.digestMatches === false) failures.push(...v.reasons);
  else if (v.signatureValid === null || v.digestMatches === null) {
    out.reasons.push(...v.reasons);
    valid = null;
  }
  out.reasons.push(...failures);
  out.valid = failures.length > 0 ? false : valid;
}
