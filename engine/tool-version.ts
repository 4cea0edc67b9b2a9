import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from './package-root.js';

declare const GOVERITY_BUNDLED_VERSION: string | undefined;

/** goverity's own version: set at bundle time (the bundle runs where no package.json is), else read from package.json. */
export function toolVersion(): string {
  if (typeof GOVERITY_BUNDLED_VERSION === 'string') return GOVERITY_BUNDLED_VERSION;
  cached ??= (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  return cached;
}

let cached: string | undefined;
