/** The command line itself is wrong: the message says what to fix, and main points at the command's --help. */
export class CliUsageError extends Error {
  override readonly name = "CliUsageError";
}
