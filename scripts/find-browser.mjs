// Which Chromium the browser tests run in, looked for in this order: Playwright's own; a system
// Chromium or Chrome (well-known paths, then the PATH); else Playwright is asked to install its own
// (`npx playwright install chromium`, which needs the internet). The probes are parameters so the
// order can be tested without touching the machine.
import path from "node:path";

/** Where distributions and vendors put them. */
export const SYSTEM_BROWSER_PATHS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];
/** The same browsers by command name, looked up on the PATH. */
export const SYSTEM_BROWSER_COMMANDS = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

export const NO_BROWSER_MESSAGE =
  "e2e: no Chromium found and `npx playwright install chromium` did not install one: install Chromium or Chrome (Debian/Ubuntu: sudo apt-get install -y chromium), or run `npx playwright install chromium` online, then run the tests again.";

/**
 * @param {{
 *   playwrightExecutable: () => string | undefined,
 *   exists: (file: string) => boolean,
 *   pathVariable?: string,
 *   installPlaywrightChromium: () => boolean,
 * }} probes
 * @returns {{ kind: "playwright" | "system" | "installed", path: string } | null}
 */
export function findBrowser({ playwrightExecutable, exists, pathVariable = "", installPlaywrightChromium }) {
  const own = playwrightsOwn(playwrightExecutable, exists);
  if (own) return { kind: "playwright", path: own };
  const onPath = pathVariable
    .split(path.delimiter)
    .filter(Boolean)
    .flatMap((dir) => SYSTEM_BROWSER_COMMANDS.map((command) => path.join(dir, command)));
  const system = [...SYSTEM_BROWSER_PATHS, ...onPath].find((candidate) => exists(candidate));
  if (system) return { kind: "system", path: system };
  if (!installPlaywrightChromium()) return null;
  const installed = playwrightsOwn(playwrightExecutable, exists);
  return installed ? { kind: "installed", path: installed } : null;
}

function playwrightsOwn(playwrightExecutable, exists) {
  try {
    const executable = playwrightExecutable();
    return executable && exists(executable) ? executable : null;
  } catch {
    // Playwright throws when it has no browser of its own installed
    return null;
  }
}
