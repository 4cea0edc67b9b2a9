/**
 * How to get rid of an environment variable on Windows: it lives in the registry (the user and system lists of
 * Environment Variables), so `set NAME=` in one cmd, or editing a shell profile, does not remove it.
 */
export function windowsVariableFix(name: string): string {
  return `Delete ${name} from the Windows environment variables (System Properties → Environment Variables: the user list and the system list; or \`reg delete HKCU\\Environment /v ${name}\` and the same under HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment), then open a new terminal.`;
}
