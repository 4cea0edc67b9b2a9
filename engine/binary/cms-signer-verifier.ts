import { X509Certificate, createHash, verify } from 'node:crypto';
import { OID, attribute, parseSignedData, readSignerInfo, type CmsSignerInfo, type SignedData } from './cms-signed-data.js';
import { TAG, children, content, octets, readDer, time } from './der-reader.js';

export interface SignerVerdict {
  /** The signer's signature over its signed attributes verifies with its certificate's key; null: could not be checked. */
  signatureValid: boolean | null;
  /** The messageDigest attribute equals the digest of the content the caller says is signed. */
  digestMatches: boolean | null;
  /** The signer certificate's subject CN (or whole subject when it has no CN). */
  signer: string | null;
  /** The signer certificate's subject OU: Apple puts the team ID there. */
  signerOrgUnit: string | null;
  /** Subjects from the signer up, as far as the certificates carried in the signature reach. */
  chain: string[];
  /** The chain ends at a self-signed certificate whose own signature verifies. */
  chainComplete: boolean;
  /** SHA-256 of the last certificate of the chain (colon-free, lower case): to compare with a pinned root. */
  chainTopSha256: string | null;
  /** From a countersignature or an RFC 3161 timestamp token, when the signature has one. */
  timestamp: string | null;
  digestAlgorithm: string;
  /** One line each: why it is not valid, or what could not be checked. */
  reasons: string[];
}

const DIGESTS: Record<string, string> = {
  '1.2.840.113549.2.5': 'md5',
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
const RSASSA_PSS = '1.2.840.113549.1.1.10';
const MAX_CHAIN = 10;

export function digestName(oid: string): string | null {
  return DIGESTS[oid] ?? null;
}

function field(subject: string, key: string): string | null {
  return new RegExp(`^${key}=(.*)$`, 'm').exec(subject)?.[1] ?? null;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.length), Buffer.from(b.buffer, b.byteOffset, b.length)) === 0;
}

/** Verifies the first SignerInfo of a SignedData whose (detached or encapsulated) content is `signedContent`. */
export function verifyCmsSigner(sd: SignedData, signedContent: Uint8Array): SignerVerdict {
  const reasons: string[] = [];
  const si = sd.signers[0];
  const out: SignerVerdict = {
    signatureValid: null,
    digestMatches: null,
    signer: null,
    signerOrgUnit: null,
    chain: [],
    chainComplete: false,
    chainTopSha256: null,
    timestamp: null,
    digestAlgorithm: '',
    reasons,
  };
  if (!si) {
    reasons.push('the CMS signature has no signer');
    return out;
  }
  const hash = digestName(si.digestAlgorithm);
  out.digestAlgorithm = hash ?? si.digestAlgorithm;
  const certs = sd.certificates.flatMap((c) => {
    try {
      return [{ raw: c, x509: new X509Certificate(Buffer.from(c.der)) }];
    } catch {
      return [];
    }
  });
  const leaf =
    certs.find((c) => 'issuer' in si.sid && sameBytes(c.raw.issuer, si.sid.issuer) && sameBytes(c.raw.serial, si.sid.serial)) ??
    certs.find((c) => signatureHolds(si, c.x509, hash) === true) ??
    null;
  out.timestamp = timestampOf(sd.bytes, si);
  if (!hash) reasons.push(`unsupported digest algorithm ${si.digestAlgorithm}`);
  if (!leaf) {
    reasons.push('the signer certificate is not in the signature');
  } else {
    out.signer = field(leaf.x509.subject, 'CN') ?? leaf.x509.subject.replace(/\n/g, ', ');
    out.signerOrgUnit = field(leaf.x509.subject, 'OU');
    out.signatureValid = signatureHolds(si, leaf.x509, hash);
    if (out.signatureValid === false) reasons.push(`the signature of ${out.signer} does not verify with its certificate's key`);
    if (out.signatureValid === null) reasons.push(`the signature algorithm ${si.signatureAlgorithm} is not checked`);
    const chain = [leaf.x509];
    for (let cur = leaf.x509; chain.length < MAX_CHAIN; ) {
      if (selfSigned(cur)) {
        out.chainComplete = true;
        break;
      }
      const up = certs.find((c) => !chain.includes(c.x509) && issuedBy(cur, c.x509));
      if (!up) break;
      chain.push((cur = up.x509));
    }
    out.chain = chain.map((c) => field(c.subject, 'CN') ?? c.subject.replace(/\n/g, ', '));
    out.chainTopSha256 = chain.at(-1)!.fingerprint256.replace(/:/g, '').toLowerCase();
  }
  const md = attribute(si.signedAttrs, OID.messageDigest);
  if (si.signedAttrsDer && !md) reasons.push('the signed attributes carry no messageDigest');
  if (hash) {
    const actual = createHash(hash).update(signedContent).digest();
    // Without signed attributes the signature is over the content itself (RFC 5652 5.4), checked above.
    if (md) {
      out.digestMatches = md.tag === TAG.OCTET_STRING && sameBytes(content(sd.bytes, md), actual);
      if (!out.digestMatches) reasons.push(`the signed message digest does not match the ${hash} of the signed content`);
    }
  }
  return out;
}

function issuedBy(cert: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

function selfSigned(cert: X509Certificate): boolean {
  return issuedBy(cert, cert);
}

function signatureHolds(si: CmsSignerInfo, cert: X509Certificate, hash: string | null): boolean | null {
  if (!hash || si.signatureAlgorithm === RSASSA_PSS) return null;
  const data = si.signedAttrsDer;
  if (!data) return null;
  try {
    return verify(hash, data, cert.publicKey, si.signature);
  } catch {
    return false;
  }
}

/** The time a countersignature or timestamp token vouches for; not itself verified (that needs the TSA's chain). */
function timestampOf(bytes: Uint8Array, si: CmsSignerInfo): string | null {
  try {
    const counter = attribute(si.unsignedAttrs, OID.counterSignature);
    if (counter) {
      const cs = readSignerInfo(bytes, counter);
      const t = attribute(cs.signedAttrs, OID.signingTime);
      if (t) return time(bytes, t);
    }
    const token = attribute(si.unsignedAttrs, OID.msRfc3161Timestamp) ?? attribute(si.unsignedAttrs, OID.timeStampToken);
    if (token) {
      const tsBytes = bytes.subarray(token.start, token.end);
      const ts = parseSignedData(tsBytes);
      if (ts.contentType !== OID.tstInfo || !ts.content) return null;
      const tst = octets(tsBytes, ts.content);
      // TSTInfo ::= SEQUENCE { version, policy, messageImprint, serialNumber, genTime, ... } (RFC 3161 2.4.2)
      const genTime = children(tst, readDer(tst, 0))[4];
      return genTime ? time(tst, genTime) : null;
    }
  } catch {
    return null;
  }
  return null;
}
