export type BinaryFormat = 'elf' | 'macho' | 'pe' | 'script' | 'unknown';

export interface GoBuildInfo {
  /** Runtime version the binary was built with, e.g. "go1.22.12"; "" when the binary carries build info but no readable version (gccgo, unreadable old-style pointers). */
  version: string;
  /** Main package path, e.g. "cmd/go". */
  path: string | null;
  /** The "mod" line's module path, if any. */
  mainModule: string | null;
  /** "build\tKEY=VALUE" lines: -trimpath, -compiler, CGO_ENABLED, GOOS, GOARCH, vcs... */
  buildSettings: Record<string, string>;
  /** The "mod" line whole (version "(devel)" for a build inside the module's own tree), with its "=>" replacement; absent when there is none. */
  main?: GoModule;
  /** Every "dep" line, in order, each with its "=>" replacement; absent when there are none. */
  deps?: GoModule[];
}

/** One module of a binary's build info, as runtime/debug.Module has it. */
export interface GoModule {
  path: string;
  version: string;
  /** The go.sum hash (`h1:...`); "" when none was recorded (a replacement by a directory, a main module). */
  sum: string;
  replace?: GoModule;
}

export type BinaryProblem =
  /** A header, table, section or segment points past the real file size. */
  | 'truncated'
  /** A header field is invalid: ELF class, entry sizes, load command sizes... */
  | 'bad-header'
  /** Something needed lies past the bytes supplied but inside the file: read more of it. */
  | 'partial-read'
  /** The Go build info magic is there but its strings could not be decoded. */
  | 'buildinfo-unreadable'
  /** The parser hit a bug; the rest is empty. */
  | 'internal-error';

export interface BinaryIdentity {
  format: BinaryFormat;
  /** GOOS spelling: linux, darwin, windows, freebsd, ... */
  os: string | null;
  /** GOARCH spelling: amd64, arm64, 386, arm, ...; for a fat Mach-O the slices' arches joined by ",". */
  arch: string | null;
  bits: 32 | 64 | null;
  /** ELF PT_INTERP path, Mach-O LC_LOAD_DYLINKER path; for a script, the shebang line without "#!", trimmed. */
  interpreter: string | null;
  /** ELF only: PT_INTERP or PT_DYNAMIC present => dynamic. */
  linkage: 'static' | 'dynamic' | null;
  /** ELF DT_NEEDED, Mach-O LC_LOAD_DYLIB (and weak/reexport/upward variants), PE imported DLL names. */
  needed: string[];
  /** null when no Go build info is found. */
  go: GoBuildInfo | null;
  /** Built by gccgo: needs libgo.so*, has a .go_export section, or its build info says -compiler=gccgo. */
  gccgo: boolean;
  /** BinaryProblem codes; [] when fine. */
  problems: string[];
  /** Mach-O: an LC_CODE_SIGNATURE load command is present (in every slice, for a fat file). */
  codeSigned?: boolean;
  /** ELF: the Go build ID from the .note.go.buildid note. */
  goBuildId?: string;
  /** PE: the optional header's subsystem, e.g. "windows-cui", "windows-gui". */
  subsystem?: string;
  /** ELF, Mach-O and PE: the embedded code signature, checked against the bytes. Absent in snapshots of older engines. */
  signature?: BinarySignature;
}

export type SignatureKind = 'none' | 'adhoc' | 'developer-id' | 'authenticode';

/** An embedded code signature as read and checked from the bytes alone (no OS trust store). */
export interface BinarySignature {
  kind: SignatureKind;
  /** true: every hash and signature checked holds; false: something does not (see reasons); null: nothing to check, or could not be checked. */
  valid: boolean | null;
  /** The signing certificate's common name; null for none and ad-hoc. */
  signer: string | null;
  /** Mach-O: the CodeDirectory's team ID, else the signer certificate's OU. */
  teamId?: string | null;
  /** Mach-O: the CodeDirectory's identifier (Go's linker uses the output file name). */
  identifier?: string;
  /** Mach-O: the first CodeDirectory's hash (20 bytes, hex), what `codesign -dv` prints as CDHash. */
  cdHash?: string;
  /** Certificate subjects from the signer up, as far as the certificates inside the signature reach. */
  chain?: string[];
  /** The chain ends at a self-signed certificate. */
  chainComplete?: boolean;
  /** A pinned root the chain ends at (Apple Root CA), when it does. */
  anchor?: string | null;
  /** When a countersignature or RFC 3161 token vouches the signature existed; null when there is none. */
  timestamp?: string | null;
  /** Hash algorithm of the code hashes (Mach-O) or of the Authenticode image digest. */
  digestAlgorithm?: string;
  /** One line each: why the signature is invalid, or what could not be checked. */
  reasons: string[];
}
