import { createHash } from 'node:crypto';
import type { Check } from './finding.js';
import { parseEnvFile } from '../probes/environment-probes.js';
import { view } from './toolchain-view.js';

/**
 * The settings every Go release since 1.21 ships in $GOROOT/go.env (golang/go's go.env). The module proxy and checksum
 * database values are kept as SHA-256 digests, so this file names no host; GOTOOLCHAIN is plain.
 */
const RELEASE_GO_ENV: Record<string, { sha256?: string; value?: string }> = {
  GOPROXY: { sha256: '6b92323c3a3f154c0a30cc602002b87ff41486d6cba571162e1bae16d7761997' },
  GOSUMDB: { sha256: '9da5f32d964125123cc368f231b473bea59307f811c7b9b2e731601e586b82b5' },
  GOTOOLCHAIN: { value: 'auto' },
};

/**
 * $GOROOT/go.env departs from the release's: packagers do this on purpose (Fedora), a hand edit is lost on the next
 * upgrade; either way these defaults apply to every user of the tree. The values themselves are judged by other
 * checks (SUMDB_DISABLED, MODULE_FETCH_DISABLED, GOFLAGS_OVERRIDE...); this one names the edit.
 */
export const gorootGoenvEdited: Check = (facts) => {
  const file = facts.envFiles.goroot;
  const version = /^go1\.(\d+)/.exec(view(facts).goEnvVersion ?? facts.goroot?.versionFile ?? '');
  // go.env exists from Go 1.21; gccgo has none.
  if (!file || !version || Number(version[1]) < 21 || view(facts).isGccgo || !facts.goroot?.exists) return [];
  const parsed = parseEnvFile(file.content);
  const diffs: string[] = [];
  if (file.content === null) diffs.push('the file is missing (GOPROXY, GOSUMDB and GOTOOLCHAIN lose their defaults)');
  else {
    for (const [k, want] of Object.entries(RELEASE_GO_ENV)) {
      const have = parsed[k];
      if (have === undefined) diffs.push(`${k} removed`);
      else if (want.value !== undefined ? have !== want.value : sha256(have) !== want.sha256) diffs.push(`${k}=${have} (changed)`);
    }
    for (const [k, v] of Object.entries(parsed)) if (!(k in RELEASE_GO_ENV)) diffs.push(`${k}=${v} (added)`);
  }
  if (diffs.length === 0) return [];
  return [
    {
      code: 'GOROOT_GOENV_EDITED',
      severity: 'info',
      message: `${file.path} differs from the one Go releases ship: ${diffs.join(', ')}. These are the defaults of everyone using this GOROOT.`,
      evidence: [`${file.path}: ${diffs.join('; ')}`],
      fix: facts.packageOwner
        ? `The package ${facts.packageOwner.replace(/^\w+:/, '')} ships it this way; override per user with go env -w if you need other values.`
        : 'If this was not deliberate, restore go.env from the release archive (or reinstall it), and make per-user changes with go env -w instead.',
    },
  ];
};

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}
