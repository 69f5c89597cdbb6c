import { describe, expect, it } from "vitest";
import { type BrowserProbes, findBrowser } from "@/scripts/find-browser.mjs";

const PLAYWRIGHTS = "/home/user/.cache/ms-playwright/chromium-1200/chrome-linux/chrome";

/** A machine with these files; Playwright's browser appears once `npx playwright install chromium` succeeds (if `installs`). */
function machine(files: string[], { installs = false, pathVariable = "/usr/local/bin:/usr/bin" } = {}) {
  const present = new Set(files);
  const calls: string[] = [];
  const probes: BrowserProbes = {
    playwrightExecutable: () => {
      calls.push("playwright");
      if (!present.has(PLAYWRIGHTS)) throw new Error("Executable doesn't exist");
      return PLAYWRIGHTS;
    },
    exists: (file) => present.has(file),
    pathVariable,
    installPlaywrightChromium: () => {
      calls.push("install");
      if (installs) present.add(PLAYWRIGHTS);
      return installs;
    },
  };
  return { probes, calls };
}

describe("findBrowser", () => {
  it("takes Playwright's own Chromium first, even with a system one present", () => {
    const { probes, calls } = machine([PLAYWRIGHTS, "/usr/bin/chromium"]);
    expect(findBrowser(probes)).toEqual({ kind: "playwright", path: PLAYWRIGHTS });
    expect(calls).toEqual(["playwright"]);
  });

  it("then a system Chromium at a well-known path, without installing anything", () => {
    const { probes, calls } = machine(["/usr/bin/chromium-browser", "/usr/bin/google-chrome"]);
    expect(findBrowser(probes)).toEqual({ kind: "system", path: "/usr/bin/chromium-browser" });
    expect(calls).not.toContain("install");
  });

  it("then a Chrome or Chromium on the PATH", () => {
    const { probes } = machine(["/opt/tools/bin/google-chrome-stable"], { pathVariable: "/opt/tools/bin:/usr/bin" });
    expect(findBrowser(probes)).toEqual({ kind: "system", path: "/opt/tools/bin/google-chrome-stable" });
  });

  it("then installs Playwright's Chromium and uses it", () => {
    const { probes, calls } = machine([], { installs: true });
    expect(findBrowser(probes)).toEqual({ kind: "installed", path: PLAYWRIGHTS });
    expect(calls).toEqual(["playwright", "install", "playwright"]);
  });

  it("finds none when the install fails (offline)", () => {
    const { probes, calls } = machine([], { installs: false });
    expect(findBrowser(probes)).toBeNull();
    expect(calls).toEqual(["playwright", "install"]);
  });

  it("finds none when the install reports success but left no browser", () => {
    const { probes } = machine([]);
    probes.installPlaywrightChromium = () => true;
    expect(findBrowser(probes)).toBeNull();
  });
});
