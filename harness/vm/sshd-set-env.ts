/**
 * One sshd_config `SetEnv` line carrying an image's ENV (`KEY=VALUE` entries, as `docker inspect` lists
 * them), so an SSH session starts with the environment `docker exec` gives. sshd honours only its first
 * SetEnv line, so every variable goes on this one; each is double-quoted with `"` and `\` escaped (sshd's
 * argv_split). Returns '' when there is nothing to set.
 */
export function sshdSetEnv(env: readonly string[]): string {
  const entries = env.filter((e) => e.indexOf('=') > 0 && !/[\n\r\0]/.test(e));
  if (entries.length === 0) return '';
  return `SetEnv ${entries.map((e) => `"${e.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(' ')}`;
}
