import { fileURLToPath } from 'node:url';

/** The installed package's root (docs/, schemas/, scenarios/, package.json), from dist/engine or engine alike. */
export const PACKAGE_ROOT = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../../' : '../', import.meta.url));
