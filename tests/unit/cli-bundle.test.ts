import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BUNDLE_ENTRY, currentBundle, SOURCES_FILE } from "@/bin/cli-bundle.mjs";

// bin/baton.mjs runs the bundle only while it is current; otherwise it compiles the sources itself.
let root = "";
const BUILT_AT = new Date("2026-01-01T12:00:00Z");

function write(file: string, text: string, at: Date) {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
  fs.utimesSync(path.join(root, file), at, at);
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "baton-cli-bundle-"));
  const before = new Date(BUILT_AT.getTime() - 60_000);
  write("cli/main.ts", "export {}", before);
  write("lib/client/baton-client.ts", "export {}", before);
  write(BUNDLE_ENTRY, "export {}", BUILT_AT);
  write(SOURCES_FILE, JSON.stringify(["cli/main.ts", "lib/client/baton-client.ts"]), BUILT_AT);
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe("currentBundle", () => {
  it("is the bundle's entry while every source is older than the bundle", () => {
    expect(currentBundle(root)).toBe(path.join(root, BUNDLE_ENTRY));
  });

  it("is null once a source was edited after the build", () => {
    write("lib/client/baton-client.ts", "export const edited = true;", new Date(BUILT_AT.getTime() + 1000));
    expect(currentBundle(root)).toBeNull();
  });

  it("is null when a source it was built from is gone", () => {
    fs.rmSync(path.join(root, "lib/client/baton-client.ts"));
    expect(currentBundle(root)).toBeNull();
  });

  it("is null without the bundle's entry", () => {
    fs.rmSync(path.join(root, BUNDLE_ENTRY));
    expect(currentBundle(root)).toBeNull();
  });

  it("is null without a bundle, or with an unreadable source list", () => {
    fs.writeFileSync(path.join(root, SOURCES_FILE), "not json");
    expect(currentBundle(root)).toBeNull();
    fs.rmSync(path.join(root, "dist"), { recursive: true });
    expect(currentBundle(root)).toBeNull();
  });
});
