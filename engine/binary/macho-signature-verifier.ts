import { createHash } from 'node:crypto';
import type { BinarySignature } from './binary-identity.js';
import { ByteView } from './byte-view.js';
import { parseSignedData } from './cms-signed-data.js';
import { verifyCmsSigner } from './cms-signer-verifier.js';
import type { MachOFile } from './macho-reader.js';
import { checkSignature, SignatureInvalid } from './signature-check.js';

// Blob magics, slots and flags from xnu's cs_blobs.h: https://github.com/apple-oss-distributions/xnu/blob/main/osfmk/kern/cs_blobs.h
const CSMAGIC_EMBEDDED_SIGNATURE = 0xfade0cc0;
const CSMAGIC_CODEDIRECTORY = 0xfade0c02;
const CSMAGIC_BLOBWRAPPER = 0xfade0b01;
const CSSLOT_CODEDIRECTORY = 0;
const CSSLOT_ALTERNATE_CODEDIRECTORIES = 0x1000;
const CSSLOT_ALTERNATE_CODEDIRECTORY_LIMIT = 5;
const CSSLOT_SIGNATURESLOT = 0x10000;
/** Special slots whose blob lives inside the signature (requirements, entitlements, DER entitlements); 1 and 3 name files of a bundle. */
const EMBEDDED_SPECIAL_SLOTS = new Set([2, 5, 7]);
const CS_ADHOC = 0x2;
const CS_SUPPORTSTEAMID = 0x20200;
const MAX_BLOBS = 64;
const MAX_SPECIAL_SLOTS = 64;
const HASH_TYPES: Record<number, { name: string; size: number }> = {
  1: { name: 'sha1', size: 20 },
  2: { name: 'sha256', size: 32 },
  3: { name: 'sha256', size: 20 },
  4: { name: 'sha384', size: 48 },
};
/** SHA-256 of Apple Root CA (Apple Inc. Root Certificate): https://www.apple.com/certificateauthority/ */
const APPLE_ROOT_CA_SHA256 = 'b0b1730ecbc7ff4505142c49f1295e6eda6bcaed7e2c68c5be91b5a11001f024';

interface Blob {
  type: number;
  offset: number;
  length: number;
}

interface CodeDirectory {
  bytes: Uint8Array;
  version: number;
  flags: number;
  identifier: string;
  teamId: string | null;
  hashName: string;
}

/** Checks a thin image's embedded signature against its own bytes; never throws. */
export function verifyMachOSignature(bytes: Uint8Array, fileSize: number, file: MachOFile): BinarySignature {
  const sig = file.codeSignature;
  if (!sig) return { kind: 'none', valid: null, signer: null, reasons: [] };
  return checkSignature('adhoc', 'code signature', (out) => check(bytes, fileSize, file, sig, out));
}

function check(bytes: Uint8Array, fileSize: number, file: MachOFile, sig: { offset: number; size: number }, out: BinarySignature): void {
  const view = new ByteView(bytes, false);
  if (sig.offset + sig.size > fileSize) throw new SignatureInvalid(`the signature (${sig.size} bytes at ${sig.offset}) runs past the end of the file`);
  if (!view.has(sig.offset, sig.size)) {
    out.reasons.push(`only the first ${bytes.length} of ${fileSize} bytes were read`);
    return;
  }
  if (view.u32(sig.offset) !== CSMAGIC_EMBEDDED_SIGNATURE) throw new SignatureInvalid('not a valid code signature (no embedded-signature superblob)');
  const superLength = view.u32(sig.offset + 4);
  const count = view.u32(sig.offset + 8);
  if (superLength < 12 || superLength > sig.size || count > MAX_BLOBS || 12 + count * 8 > superLength)
    throw new SignatureInvalid('not a valid code signature (superblob header)');
  const blobs: Blob[] = [];
  for (let i = 0; i < count; i++) {
    const type = view.u32(sig.offset + 12 + i * 8);
    const rel = view.u32(sig.offset + 16 + i * 8);
    if (rel + 8 > superLength) throw new SignatureInvalid(`not a valid code signature (blob ${i} lies outside it)`);
    const length = view.u32(sig.offset + rel + 4);
    if (length < 8 || rel + length > superLength) throw new SignatureInvalid(`not a valid code signature (blob ${i} runs past it)`);
    blobs.push({ type, offset: sig.offset + rel, length });
  }
  const blobBytes = (b: Blob) => bytes.subarray(b.offset, b.offset + b.length);
  const cdBlobs = blobs.filter(
    (b) =>
      b.type === CSSLOT_CODEDIRECTORY ||
      (b.type >= CSSLOT_ALTERNATE_CODEDIRECTORIES && b.type < CSSLOT_ALTERNATE_CODEDIRECTORIES + CSSLOT_ALTERNATE_CODEDIRECTORY_LIMIT),
  );
  const primary = cdBlobs.find((b) => b.type === CSSLOT_CODEDIRECTORY);
  if (!primary) throw new SignatureInvalid('not a valid code signature (no CodeDirectory)');
  const failures: string[] = [];
  const cds = cdBlobs.map((b) => checkCodeDirectory(view, b, blobs, blobBytes, file, sig.offset, failures));
  const cd = cds[cdBlobs.indexOf(primary)]!;
  out.identifier = cd.identifier;
  out.digestAlgorithm = cds.map((c) => c.hashName).join(',');
  const cdHash = createHash(cd.hashName).update(cd.bytes).digest();
  out.cdHash = cdHash.subarray(0, 20).toString('hex');
  out.teamId = cd.teamId;

  const wrapper = blobs.find((b) => b.type === CSSLOT_SIGNATURESLOT);
  const cms =
    wrapper && view.u32(wrapper.offset) === CSMAGIC_BLOBWRAPPER && wrapper.length > 8
      ? bytes.subarray(wrapper.offset + 8, wrapper.offset + wrapper.length)
      : null;
  let cmsValid: boolean | null = true;
  if (cd.flags & CS_ADHOC) {
    out.kind = 'adhoc';
  } else if (!cms) {
    failures.push('the CodeDirectory is not flagged ad-hoc, yet the signature carries no CMS signature');
  } else {
    out.kind = 'developer-id';
    const sd = parseSignedData(cms);
    // codesign's CMS is detached: its content is the first CodeDirectory's bytes.
    const v = verifyCmsSigner(sd, cd.bytes);
    out.signer = v.signer;
    out.teamId = cd.teamId ?? v.signerOrgUnit;
    out.chain = v.chain;
    out.chainComplete = v.chainComplete;
    out.anchor = v.chainTopSha256 === APPLE_ROOT_CA_SHA256 ? 'Apple Root CA' : null;
    out.timestamp = v.timestamp;
    const broken = v.signer === null || v.signatureValid === false || v.digestMatches === false;
    if (broken) failures.push(...v.reasons);
    else if (v.signatureValid === null || v.digestMatches === null) {
      out.reasons.push(...v.reasons);
      cmsValid = null;
    }
  }
  out.reasons.push(...failures);
  out.valid = failures.length > 0 ? false : cmsValid;
}

function checkCodeDirectory(
  view: ByteView,
  blob: Blob,
  blobs: Blob[],
  blobBytes: (b: Blob) => Uint8Array,
  file: MachOFile,
  signatureAt: number,
  failures: string[],
): CodeDirectory {
  const at = blob.offset;
  if (view.u32(at) !== CSMAGIC_CODEDIRECTORY || blob.length < 44) throw new SignatureInvalid('not a valid code signature (bad CodeDirectory)');
  const bytes = blobBytes(blob);
  const version = view.u32(at + 8);
  const flags = view.u32(at + 12);
  const hashOffset = view.u32(at + 16);
  const identOffset = view.u32(at + 20);
  const nSpecial = view.u32(at + 24);
  const nCode = view.u32(at + 28);
  const codeLimit = view.u32(at + 32);
  const hashSize = view.u8(at + 36);
  const hashType = view.u8(at + 37);
  const pageShift = view.u8(at + 39);
  const ht = HASH_TYPES[hashType];
  if (!ht || ht.size !== hashSize) throw new SignatureInvalid(`not a valid code signature (hash type ${hashType}, size ${hashSize})`);
  if (nSpecial > MAX_SPECIAL_SLOTS || hashOffset < nSpecial * hashSize || hashOffset + nCode * hashSize > blob.length) {
    throw new SignatureInvalid('not a valid code signature (CodeDirectory hash slots lie outside it)');
  }
  const identifier = identOffset > 0 && identOffset < blob.length ? view.cstring(at + identOffset, blob.length - identOffset) : '';
  const teamOffset = version >= CS_SUPPORTSTEAMID && blob.length >= 52 ? view.u32(at + 48) : 0;
  const teamId = teamOffset > 0 && teamOffset < blob.length ? view.cstring(at + teamOffset, blob.length - teamOffset) : null;
  const hash = (data: Uint8Array) => createHash(ht.name).update(data).digest().subarray(0, hashSize);
  const slot = (i: number) => bytes.subarray(hashOffset + i * hashSize, hashOffset + (i + 1) * hashSize);

  // The code pages: from the image's start to codeLimit, which must reach the signature itself.
  const imageSignatureAt = signatureAt - file.base;
  if (codeLimit !== imageSignatureAt) failures.push(`the code hashes cover ${codeLimit} bytes, but the signature starts at ${imageSignatureAt}`);
  const pageSize = pageShift === 0 ? codeLimit : 2 ** pageShift;
  const pages = pageSize === 0 ? 0 : Math.ceil(codeLimit / pageSize);
  if (nCode !== pages) {
    failures.push(`the CodeDirectory has ${nCode} page hashes for ${pages} pages`);
  } else if (!view.has(file.base, codeLimit)) {
    failures.push('the code hashes cover bytes past the end of the file');
  } else {
    const bad: number[] = [];
    for (let i = 0; i < nCode; i++) {
      const start = file.base + i * pageSize;
      const page = view.bytes.subarray(start, Math.min(start + pageSize, file.base + codeLimit));
      if (!Buffer.from(hash(page)).equals(slot(i))) bad.push(i);
    }
    if (bad.length > 0) {
      const first = bad[0]! * pageSize;
      failures.push(
        `${bad.length} of ${nCode} code page hashes (${ht.name}) do not match: the bytes changed after signing, first at page ${bad[0]} (offset ${first})`,
      );
    }
  }
  for (let s = 1; s <= nSpecial; s++) {
    if (!EMBEDDED_SPECIAL_SLOTS.has(s)) continue;
    const stored = slot(-s);
    const present = blobs.find((b) => b.type === s);
    if (stored.every((b) => b === 0)) {
      if (present) failures.push(`special slot ${s} is not hashed, yet its blob is there`);
      continue;
    }
    if (!present) failures.push(`special slot ${s} is hashed, yet its blob is missing`);
    else if (!Buffer.from(hash(blobBytes(present))).equals(stored))
      failures.push(`the hash of special slot ${s} (${s === 2 ? 'requirements' : 'entitlements'}) does not match`);
  }
  return { bytes, version, flags, identifier, teamId, hashName: ht.name };
}
