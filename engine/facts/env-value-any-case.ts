/** A variable whatever the case of its name: Windows names ignore case (Path and PATH are one variable). */
export function envValueAnyCase(env: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(env).find((k) => k.toUpperCase() === name.toUpperCase());
  return key === undefined ? undefined : env[key];
}
