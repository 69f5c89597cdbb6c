/** A word the shell reads as itself; anything else is single-quoted. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}

const FIRST_REQUEST_SECONDS = 15 * 60;

/**
 * The `baton request` command a new admin copies to file a first request as their agent: it names the
 * server and the scope, reads the agent's key from BATON_API_KEY (Baton shows a key once, so it cannot be
 * printed here), and waits for the decision, so the terminal reports the grant once it is approved.
 */
export function firstRequestCommand(options: { baseUrl: string; scopeKey: string; maxDurationSeconds: number }): string {
  const seconds = Math.min(FIRST_REQUEST_SECONDS, options.maxDurationSeconds);
  const duration = seconds % 60 === 0 ? `${seconds / 60}m` : `${seconds}s`;
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  return `BATON_URL=${shellWord(baseUrl)} npx baton request --scope ${shellWord(options.scopeKey)} --for ${duration} --reason ${shellWord("My first request through Baton")} --wait 10m`;
}
