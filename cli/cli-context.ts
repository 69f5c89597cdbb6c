/** What a command may touch of the outside world; main builds it from the process. */
export interface CliContext {
  env: Record<string, string | undefined>;
  /** A line of the command's result, on stdout. */
  print: (line: string) => void;
  /** A line for the person at the terminal (warnings, hints), on stderr. */
  warn: (line: string) => void;
  /** For the spinner, which rewrites its line in place only when stderr is a terminal. */
  stderr: { isTTY?: boolean; write: (text: string) => unknown };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /** The raw output stream, for commands that speak a protocol on stdout (`baton mcp`); default process.stdout. */
  stdout?: NodeJS.WritableStream;
}

export function processContext(): CliContext {
  return {
    env: process.env,
    print: (line) => process.stdout.write(`${line}\n`),
    warn: (line) => process.stderr.write(`${line}\n`),
    stderr: process.stderr,
    stdin: process.stdin,
    stdout: process.stdout,
  };
}
