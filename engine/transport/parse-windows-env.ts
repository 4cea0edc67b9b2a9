/** `cmd /c set` output: NAME=value lines (CRLF); names are kept as spelled, and looked up case-insensitively by the probes. */
export function parseWindowsEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    // From 1: Windows keeps per-drive directories in variables named `=C:`.
    const i = line.indexOf('=', 1);
    if (i > 0) out[line.slice(0, i)] = line.slice(i + 1);
  }
  return out;
}
