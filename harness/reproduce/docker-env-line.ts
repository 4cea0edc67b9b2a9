/** Names Docker's ENV takes as they are; anything else is not written. */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * `ENV NAME="value"`, the value escaped for the Dockerfile lexer: inside double quotes a backslash escapes only
 * `"`, `$` and itself (https://github.com/moby/buildkit/blob/master/frontend/dockerfile/shell/lex.go, processDoubleQuote),
 * so escaping those three keeps every other character literal. Null when the pair can't be written: a bad name,
 * or a control character (a newline would end the instruction).
 */
export function dockerEnvLine(name: string, value: string): string | null {
  if (!ENV_NAME.test(name) || /[\u0000-\u0008\u000a-\u001f\u007f]/.test(value)) return null;
  return `ENV ${name}="${value.replace(/[\\"$]/g, (c) => `\\${c}`)}"`;
}
