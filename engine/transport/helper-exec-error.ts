/** coreutils: `timeout: failed to run command 'X': …`, `env: 'X': …`; busybox: `timeout: can't execute 'X': …`. */
export function isHelperExecError(stderr: string, file: string): boolean {
  const line = stderr.trim();
  if (!file || line.includes('\n')) return false;
  const quoted = [`'${file}'`, `\u2018${file}\u2019`, file];
  return ['timeout: failed to run command ', 'env: ', "timeout: can't execute ", "env: can't execute "].some((p) =>
    quoted.some((q) => line.startsWith(`${p}${q}: `)),
  );
}
