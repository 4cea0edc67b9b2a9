/**
 * Test-side signers: a small DER writer, throwaway X.509 certificates, CMS SignedData, and the two embedded
 * signature formats (Apple code signature, Authenticode) laid into a Mach-O or PE image. Keys come from
 * node:crypto; nothing here is used by the engine.
 */
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

const enc = new TextEncoder();

export function der(tag: number, ...parts: Uint8Array[]): Uint8Array {
  const body = Buffer.concat(parts);
  const n = body.length;
  const len = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : n < 0x10000 ? [0x82, n >> 8, n & 0xff] : [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
  return Buffer.concat([Buffer.from([tag, ...len]), body]);
}
export const seq = (...p: Uint8Array[]) => der(0x30, ...p);
export const set = (...p: Uint8Array[]) => der(0x31, ...p);
export const ctx = (n: number, ...p: Uint8Array[]) => der(0xa0 | n, ...p);
export const octet = (b: Uint8Array) => der(0x04, b);
export const nullDer = () => der(0x05);
export const utf8 = (s: string) => der(0x0c, enc.encode(s));
/** A small non-negative INTEGER (< 128). */
export const int = (n: number) => der(0x02, Uint8Array.of(n));
export const bitString = (b: Uint8Array) => der(0x03, Uint8Array.of(0), b);
export function oid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map(Number);
  const out = [arcs[0]! * 40 + arcs[1]!];
  for (const arc of arcs.slice(2)) {
    const stack = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) stack.unshift((v & 0x7f) | 0x80);
    out.push(...stack);
  }
  return der(0x06, Uint8Array.from(out));
}
export function utcTime(d: Date): Uint8Array {
  return der(0x17, enc.encode(d.toISOString().replace(/^\d\d(\d\d)-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d).*$/, '$1$2$3$4$5$6Z')));
}
export function generalizedTime(d: Date): Uint8Array {
  return der(0x18, enc.encode(d.toISOString().replace(/^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d).*$/, '$1$2$3$4$5$6Z')));
}

const SHA256 = '2.16.840.1.101.3.4.2.1';
const ECDSA_SHA256 = '1.2.840.10045.4.3.2';

export interface TestIdentity {
  cert: Uint8Array;
  name: Uint8Array;
  issuerName: Uint8Array;
  serial: Uint8Array;
  key: KeyObject;
}

function nameDer(cn: string, ou?: string): Uint8Array {
  const rdn = (type: string, value: string) => set(seq(oid(type), utf8(value)));
  return seq(...(ou ? [rdn('2.5.4.11', ou)] : []), rdn('2.5.4.3', cn));
}

let serialCounter = 1;

/** A P-256 certificate for `cn` (and OU), signed by `issuer`, or self-signed when there is none. */
export function makeIdentity(cn: string, opts: { ou?: string; issuer?: TestIdentity; ca?: boolean } = {}): TestIdentity {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const name = nameDer(cn, opts.ou);
  const serial = Uint8Array.of(0x01, serialCounter++ & 0x7f, 0x42);
  const alg = seq(oid(ECDSA_SHA256));
  const exts = opts.ca ? [ctx(3, seq(seq(oid('2.5.29.19'), der(0x01, Uint8Array.of(0xff)), octet(seq(der(0x01, Uint8Array.of(0xff)))))))] : [];
  const tbs = seq(
    ctx(0, int(2)),
    der(0x02, serial),
    alg,
    opts.issuer?.name ?? name,
    seq(utcTime(new Date('2024-01-01T00:00:00Z')), utcTime(new Date('2040-01-01T00:00:00Z'))),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    ...exts,
  );
  const signature = sign('sha256', tbs, opts.issuer?.key ?? privateKey);
  return { cert: seq(tbs, alg, bitString(signature)), name, issuerName: opts.issuer?.name ?? name, serial, key: privateKey };
}

export interface SignedDataOptions {
  signer: TestIdentity;
  /** Certificates to carry (the signer's is added first). */
  extraCerts?: Uint8Array[];
  contentType: string;
  /** The encapsulated content element (already DER), or null for a detached signature. */
  eContent: Uint8Array | null;
  /** The bytes whose digest the messageDigest attribute holds. */
  digested: Uint8Array;
  /** Override the messageDigest value (to forge a mismatch). */
  messageDigest?: Uint8Array;
  unsignedAttrs?: Uint8Array[];
  signingTime?: Date;
}

export function attr(type: string, ...values: Uint8Array[]): Uint8Array {
  return seq(oid(type), set(...values));
}

/** ContentInfo { SignedData } with one SignerInfo (issuerAndSerialNumber, signed attributes, ECDSA/SHA-256). */
export function makeSignedData(o: SignedDataOptions): Uint8Array {
  const digest = o.messageDigest ?? createHash('sha256').update(o.digested).digest();
  const attrs = [
    attr('1.2.840.113549.1.9.3', oid(o.contentType)),
    attr('1.2.840.113549.1.9.5', utcTime(o.signingTime ?? new Date('2025-06-01T12:00:00Z'))),
    attr('1.2.840.113549.1.9.4', octet(digest)),
  ];
  const signedAttrsSet = set(...attrs);
  const signature = sign('sha256', signedAttrsSet, o.signer.key);
  const signedAttrs = Buffer.from(signedAttrsSet);
  signedAttrs[0] = 0xa0;
  const signerInfo = seq(
    int(1),
    seq(o.signer.issuerName, der(0x02, o.signer.serial)),
    seq(oid(SHA256)),
    signedAttrs,
    seq(oid(ECDSA_SHA256)),
    octet(signature),
    ...(o.unsignedAttrs?.length ? [der(0xa1, ...o.unsignedAttrs)] : []),
  );
  const signedData = seq(
    int(1),
    set(seq(oid(SHA256))),
    seq(oid(o.contentType), ...(o.eContent ? [ctx(0, o.eContent)] : [])),
    ctx(0, o.signer.cert, ...(o.extraCerts ?? [])),
    set(signerInfo),
  );
  return seq(oid('1.2.840.113549.1.7.2'), ctx(0, signedData));
}

/** An RFC 3161 timestamp token (itself a SignedData over TSTInfo) vouching for `when`. */
export function makeTimestampToken(tsa: TestIdentity, when: Date, imprint: Uint8Array): Uint8Array {
  const tstInfo = seq(int(1), oid('1.2.3.4.1'), seq(seq(oid(SHA256)), octet(createHash('sha256').update(imprint).digest())), int(7), generalizedTime(when));
  return makeSignedData({ signer: tsa, contentType: '1.2.840.113549.1.9.16.1.4', eContent: octet(tstInfo), digested: tstInfo });
}

const be32 = (v: number) => Uint8Array.of(v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
const alignUp = (v: number, a: number) => Math.ceil(v / a) * a;

export interface MachOSignOptions {
  identifier: string;
  teamId?: string;
  /** CS_ADHOC; without it, `cms` must make the CMS over the CodeDirectory. */
  adhoc: boolean;
  cms?: (codeDirectory: Uint8Array) => Uint8Array | Promise<Uint8Array>;
  /** Room kept for the CMS blob (the header page's sizes are hashed before the CMS exists, as codesign does). */
  reserve?: number;
}

/**
 * Replaces the signature of a thin, little-endian 64-bit Mach-O whose LC_CODE_SIGNATURE blob ends the file (as the
 * gc linker lays it out) with a new one: one SHA-256 CodeDirectory (4 KiB pages) and, when not ad-hoc, a CMS blob.
 */
export async function signMachO(image: Uint8Array, o: MachOSignOptions): Promise<Uint8Array> {
  const dv = new DataView(image.buffer, image.byteOffset, image.byteLength);
  const ncmds = dv.getUint32(16, true);
  let at = 32;
  let sigCmd = -1;
  let linkedit = -1;
  for (let i = 0; i < ncmds; i++) {
    const cmd = dv.getUint32(at, true);
    if (cmd === 0x1d) sigCmd = at;
    if (cmd === 0x19 && Buffer.from(image.subarray(at + 8, at + 18)).toString('latin1') === '__LINKEDIT') linkedit = at;
    at += dv.getUint32(at + 4, true);
  }
  if (sigCmd < 0 || linkedit < 0) throw new Error('signMachO: needs LC_CODE_SIGNATURE and __LINKEDIT');
  const sigOff = dv.getUint32(sigCmd + 8, true);
  const ident = enc.encode(`${o.identifier}\0`);
  const team = o.teamId ? enc.encode(`${o.teamId}\0`) : new Uint8Array(0);
  const pages = Math.ceil(sigOff / 4096);
  const headerSize = 88;
  const hashOffset = headerSize + ident.length + team.length;
  const cdLength = hashOffset + pages * 32;
  const reserve = o.adhoc ? 0 : (o.reserve ?? 12000);
  const superLength = 12 + 16 + cdLength + (o.adhoc ? 0 : 8 + reserve);
  const dataSize = alignUp(superLength, 16);

  const out = new Uint8Array(sigOff + dataSize);
  out.set(image.subarray(0, sigOff));
  const w = new DataView(out.buffer);
  w.setUint32(sigCmd + 12, dataSize, true);
  const linkeditOff = Number(w.getBigUint64(linkedit + 40, true));
  const fileSize = sigOff + dataSize - linkeditOff;
  w.setBigUint64(linkedit + 48, BigInt(fileSize), true);
  w.setBigUint64(linkedit + 32, BigInt(alignUp(fileSize, 0x4000)), true);

  const cd = new Uint8Array(cdLength);
  const c = new DataView(cd.buffer);
  c.setUint32(0, 0xfade0c02);
  c.setUint32(4, cdLength);
  c.setUint32(8, 0x20400);
  c.setUint32(12, o.adhoc ? 0x2 : 0);
  c.setUint32(16, hashOffset);
  c.setUint32(20, headerSize);
  c.setUint32(24, 0);
  c.setUint32(28, pages);
  c.setUint32(32, sigOff);
  cd[36] = 32;
  cd[37] = 2;
  cd[39] = 12;
  c.setUint32(48, team.length ? headerSize + ident.length : 0);
  cd.set(ident, headerSize);
  cd.set(team, headerSize + ident.length);
  for (let i = 0; i < pages; i++) {
    const page = out.subarray(i * 4096, Math.min((i + 1) * 4096, sigOff));
    cd.set(createHash('sha256').update(page).digest(), hashOffset + i * 32);
  }
  const blobs: [number, Uint8Array][] = [[0, cd]];
  if (!o.adhoc) {
    if (!o.cms) throw new Error('signMachO: a non-ad-hoc signature needs a CMS maker');
    const cms = await o.cms(cd);
    if (cms.length > reserve) throw new Error(`signMachO: the CMS (${cms.length} bytes) does not fit the ${reserve} reserved`);
    blobs.push([0x10000, Buffer.concat([be32(0xfade0b01), be32(8 + cms.length), cms])]);
  }
  let off = 12 + blobs.length * 8;
  const index: Uint8Array[] = [];
  for (const [type, blob] of blobs) {
    index.push(be32(type), be32(off));
    off += blob.length;
  }
  const superblob = Buffer.concat([be32(0xfade0cc0), be32(off), be32(blobs.length), ...index, ...blobs.map((b) => b[1])]);
  out.set(superblob, sigOff);
  return out;
}

/** A CMS maker for signMachO: detached, over the CodeDirectory, by `signer` (with `chain` carried). */
export function machOCms(signer: TestIdentity, chain: Uint8Array[] = []): (cd: Uint8Array) => Uint8Array {
  return (cd) => makeSignedData({ signer, extraCerts: chain, contentType: '1.2.840.113549.1.7.1', eContent: null, digested: cd });
}

export interface PeSignOptions {
  signer: TestIdentity;
  chain?: Uint8Array[];
  /** Adds an RFC 3161 timestamp token from this TSA. */
  timestamp?: { tsa: TestIdentity; when: Date };
}

/** Appends an Authenticode signature (SHA-256 image digest, PKCS#7 in a WIN_CERTIFICATE) to a PE32/PE32+ image. */
export function signPe(image: Uint8Array, o: PeSignOptions): Uint8Array {
  const padded = new Uint8Array(alignUp(image.length, 8));
  padded.set(image);
  const dv = new DataView(padded.buffer);
  const peAt = dv.getUint32(0x3c, true);
  const opt = peAt + 24;
  const plus = dv.getUint16(opt, true) === 0x20b;
  const checksumAt = opt + 64;
  const certEntryAt = opt + (plus ? 112 : 96) + 4 * 8;
  const h = createHash('sha256');
  h.update(padded.subarray(0, checksumAt));
  h.update(padded.subarray(checksumAt + 4, certEntryAt));
  h.update(padded.subarray(certEntryAt + 8));
  const imageDigest = h.digest();
  const indirect = seq(
    seq(oid('1.3.6.1.4.1.311.2.1.15'), seq(bitString(new Uint8Array(0)), ctx(0, der(0xa2, der(0x80, new Uint8Array(0)))))),
    seq(seq(oid(SHA256), nullDer()), octet(imageDigest)),
  );
  const body = indirect.subarray(indirect[1]! & 0x80 ? 2 + (indirect[1]! & 0x7f) : 2);
  const unsignedAttrs = o.timestamp ? [attr('1.3.6.1.4.1.311.3.3.1', makeTimestampToken(o.timestamp.tsa, o.timestamp.when, new Uint8Array(0)))] : [];
  const pkcs7 = makeSignedData({
    signer: o.signer,
    extraCerts: o.chain,
    contentType: '1.3.6.1.4.1.311.2.1.4',
    eContent: indirect,
    digested: body,
    unsignedAttrs,
  });
  const entryLength = 8 + pkcs7.length;
  const entry = new Uint8Array(alignUp(entryLength, 8));
  const e = new DataView(entry.buffer);
  e.setUint32(0, entryLength, true);
  e.setUint16(4, 0x0200, true);
  e.setUint16(6, 0x0002, true);
  entry.set(pkcs7, 8);
  dv.setUint32(certEntryAt, padded.length, true);
  dv.setUint32(certEntryAt + 4, entry.length, true);
  // A plain Uint8Array: Buffer#slice shares memory, and callers copy with slice().
  return new Uint8Array(Buffer.concat([padded, entry]));
}
