/**
 * Whether a reporter may color its output: FORCE_COLOR (anything but 0/false) forces it, NO_COLOR (any non-empty
 * value, https://no-color.org) and TERM=dumb turn it off, otherwise only a terminal gets color.
 */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  if (env.NO_COLOR) return false;
  if (env.TERM === 'dumb') return false;
  return !!stream.isTTY;
}
