import { TAG, children, content, context, expectTag, octets, oid, raw, readDer, type DerNode } from './der-reader.js';

// RFC 5652 (CMS) object identifiers.
export const OID = {
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  counterSignature: '1.2.840.113549.1.9.6',
  timeStampToken: '1.2.840.113549.1.9.16.2.14',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  // Authenticode's RFC 3161 timestamp, an unsigned attribute: https://learn.microsoft.com/en-us/windows/win32/seccrypto/time-stamping-authenticode-signatures
  msRfc3161Timestamp: '1.3.6.1.4.1.311.3.3.1',
  spcIndirectData: '1.3.6.1.4.1.311.2.1.4',
} as const;

export interface CmsCertificate {
  der: Uint8Array;
  /** Raw DER of the issuer Name and the serial INTEGER's content, to match a SignerInfo's sid. */
  issuer: Uint8Array;
  serial: Uint8Array;
}

export interface CmsAttribute {
  type: string;
  values: DerNode[];
}

export interface CmsSignerInfo {
  sid: { issuer: Uint8Array; serial: Uint8Array } | { keyId: Uint8Array };
  digestAlgorithm: string;
  /** The signed attributes re-tagged as a SET: the bytes the signature is over (RFC 5652 5.4). */
  signedAttrsDer: Uint8Array | null;
  signedAttrs: CmsAttribute[];
  signatureAlgorithm: string;
  signature: Uint8Array;
  unsignedAttrs: CmsAttribute[];
}

export interface SignedData {
  bytes: Uint8Array;
  contentType: string;
  /** The element inside eContent's [0] wrapper; null for a detached signature. */
  content: DerNode | null;
  certificates: CmsCertificate[];
  signers: CmsSignerInfo[];
}

const MAX_CERTIFICATES = 64;
const MAX_SIGNERS = 16;

/** Parses a ContentInfo holding SignedData; throws DerError when the bytes are not one. */
export function parseSignedData(bytes: Uint8Array): SignedData {
  const info = expectTag(readDer(bytes, 0), TAG.SEQUENCE, 'ContentInfo');
  const [type, wrapped] = children(bytes, info);
  if (oid(bytes, expectTag(type, TAG.OID, 'ContentInfo type')) !== OID.signedData) throw new Error('ContentInfo is not SignedData');
  const [signedData] = children(bytes, expectTag(wrapped, context(0), 'ContentInfo content'));
  const parts = children(bytes, expectTag(signedData, TAG.SEQUENCE, 'SignedData'));
  const encap = children(bytes, expectTag(parts[2], TAG.SEQUENCE, 'EncapsulatedContentInfo'));
  const contentType = oid(bytes, expectTag(encap[0], TAG.OID, 'eContentType'));
  const eContent = encap[1] ? (children(bytes, expectTag(encap[1], context(0), 'eContent'))[0] ?? null) : null;
  const certificates: CmsCertificate[] = [];
  let signerSet: DerNode | undefined;
  for (const part of parts.slice(3)) {
    if (part.tag === context(0)) {
      for (const cert of children(bytes, part).slice(0, MAX_CERTIFICATES)) {
        // Other certificate formats ([0]..[3] choices) are not X.509 certificates: skip them.
        if (cert.tag === TAG.SEQUENCE) certificates.push(readCertificate(bytes, cert));
      }
    } else if (part.tag === TAG.SET) {
      signerSet = part;
    }
  }
  const signers = children(bytes, expectTag(signerSet, TAG.SET, 'SignerInfos'))
    .slice(0, MAX_SIGNERS)
    .map((s) => readSignerInfo(bytes, s));
  return { bytes, contentType, content: eContent, certificates, signers };
}

function readCertificate(bytes: Uint8Array, node: DerNode): CmsCertificate {
  const [tbs] = children(bytes, node);
  const fields = children(bytes, expectTag(tbs, TAG.SEQUENCE, 'TBSCertificate'));
  const at = fields[0]?.tag === context(0) ? 1 : 0;
  return {
    der: raw(bytes, node),
    serial: content(bytes, expectTag(fields[at], TAG.INTEGER, 'serialNumber')),
    issuer: raw(bytes, expectTag(fields[at + 2], TAG.SEQUENCE, 'issuer')),
  };
}

function algorithm(bytes: Uint8Array, node: DerNode | undefined, what: string): string {
  const [id] = children(bytes, expectTag(node, TAG.SEQUENCE, what));
  return oid(bytes, expectTag(id, TAG.OID, what));
}

export function readAttributes(bytes: Uint8Array, set: DerNode): CmsAttribute[] {
  return children(bytes, set).map((a) => {
    const [type, values] = children(bytes, expectTag(a, TAG.SEQUENCE, 'Attribute'));
    return { type: oid(bytes, expectTag(type, TAG.OID, 'attribute type')), values: children(bytes, expectTag(values, TAG.SET, 'attribute values')) };
  });
}

export function readSignerInfo(bytes: Uint8Array, node: DerNode): CmsSignerInfo {
  const f = children(bytes, expectTag(node, TAG.SEQUENCE, 'SignerInfo'));
  const sidNode = f[1];
  let sid: CmsSignerInfo['sid'];
  if (sidNode?.tag === TAG.SEQUENCE) {
    const [issuer, serial] = children(bytes, sidNode);
    sid = { issuer: raw(bytes, expectTag(issuer, TAG.SEQUENCE, 'sid issuer')), serial: content(bytes, expectTag(serial, TAG.INTEGER, 'sid serial')) };
  } else {
    sid = { keyId: content(bytes, expectTag(sidNode, context(0, false), 'sid subjectKeyIdentifier')) };
  }
  const digestAlgorithm = algorithm(bytes, f[2], 'digestAlgorithm');
  let i = 3;
  let signedAttrsDer: Uint8Array | null = null;
  let signedAttrs: CmsAttribute[] = [];
  if (f[i]?.tag === context(0)) {
    const node = f[i]!;
    signedAttrsDer = raw(bytes, node).slice();
    signedAttrsDer[0] = TAG.SET;
    signedAttrs = readAttributes(bytes, node);
    i++;
  }
  const signatureAlgorithm = algorithm(bytes, f[i], 'signatureAlgorithm');
  const signature = octets(bytes, expectTag(f[i + 1], TAG.OCTET_STRING, 'signature'));
  const unsigned = f[i + 2]?.tag === context(1) ? readAttributes(bytes, f[i + 2]!) : [];
  return { sid, digestAlgorithm, signedAttrsDer, signedAttrs, signatureAlgorithm, signature, unsignedAttrs: unsigned };
}

export function attribute(attrs: CmsAttribute[], type: string): DerNode | null {
  return attrs.find((a) => a.type === type)?.values[0] ?? null;
}
