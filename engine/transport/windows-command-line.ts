/** Characters cmd.exe treats as syntax outside quotes, plus the separators that split an argument. */
const NEEDS_QUOTES = /[\s"&|<>^(),;=%!]/;

/** One argument as the Microsoft C runtime parses it back (CommandLineToArgvW rules); quoted only when it has to be. */
export function quoteWindowsArg(arg: string): string {
  if (arg !== '' && !NEEDS_QUOTES.test(arg)) return arg;
  let out = '"';
  let backslashes = 0;
  for (const ch of arg) {
    if (ch === '\\') {
      backslashes++;
      continue;
    }
    // Backslashes are literal unless they precede a quote: then each one, and the quote, is escaped.
    out += ch === '"' ? `${'\\'.repeat(backslashes * 2 + 1)}"` : '\\'.repeat(backslashes) + ch;
    backslashes = 0;
  }
  return `${out}${'\\'.repeat(backslashes * 2)}"`;
}

/**
 * The command line CreateProcess receives for an argv. `cmd /c REST` re-parses REST itself: when REST holds a
 * quote it is wrapped in one more pair, which cmd strips (Windows and Wine agree on that form; a bare pair is not
 * stripped by Wine's cmd).
 */
export function windowsCommandLine(argv: string[]): string {
  const c = argv.findIndex((a, i) => i > 0 && /^\/[ck]$/i.test(a));
  if (c > 0 && /(^|[\\/])cmd(\.exe)?$/i.test(argv[0] ?? '')) {
    const rest = argv
      .slice(c + 1)
      .map(quoteWindowsArg)
      .join(' ');
    const head = argv
      .slice(0, c + 1)
      .map(quoteWindowsArg)
      .join(' ');
    return `${head} ${rest.includes('"') ? `"${rest}"` : rest}`;
  }
  return argv.map(quoteWindowsArg).join(' ');
}
