import { describe, expect, it } from "vitest";
import { formatDuration, formatDurationCompact, formatIsoDuration, ISO_DURATION, parseDuration } from "@/lib/kernel/duration";

describe("parseDuration: Baton's one duration grammar", () => {
  it.each([
    // What the CLI has always read.
    ["90s", 90],
    ["15m", 900],
    ["2h", 7200],
    ["1h30m", 5400],
    ["1h30m15s", 5415],
    ["90d", 90 * 86_400],
    ["1d12h", 129_600],
    [" 15m ", 900],
    // How the web forms write durations, and read them back.
    ["1 h 30 min", 5400],
    ["15 min", 900],
    ["8 d", 8 * 86_400],
    ["2h 30m", 9000],
    ["15 m", 900],
    ["1H", 3600],
    ["1d 2h 3min 4s", 93_784],
    // ISO 8601, MCP's spelling.
    ["PT15M", 900],
    ["PT1H30M", 5400],
    ["P1D", 86_400],
    ["P1DT2H", 93_600],
    ["P1W", 604_800],
    ["PT90S", 90],
    ["pt2h", 7200],
  ])("reads %j as %i seconds", (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each([
    "",
    " ",
    "m",
    "min",
    "15x",
    "1.5h",
    "-5m",
    "30m1h",
    "1h1h",
    "1 h 30",
    "fifteen",
    "1e3",
    "99999999999999999999",
    "P",
    "PT",
    "P1DT",
    "P1M",
    "P1Y",
    "PT1.5H",
    "PT-5M",
    "PT15M junk",
    "1h PT15M",
  ])("refuses %j", (text) => {
    expect(parseDuration(text)).toBeNull();
  });

  it("reads a bare number as seconds only where the caller allows it (the CLI, controls that post seconds)", () => {
    expect(parseDuration("300", { bareSeconds: true })).toBe(300);
    expect(parseDuration(" 0 ", { bareSeconds: true })).toBe(0);
    expect(parseDuration("15m", { bareSeconds: true })).toBe(900);
    expect(parseDuration("99999999999999999999", { bareSeconds: true })).toBeNull();
    // Typed into a form or a URL, "15" may mean minutes as well as seconds.
    expect(parseDuration("300")).toBeNull();
    expect(parseDuration("15")).toBeNull();
  });

  it("keeps MCP's input pattern to ISO 8601 alone", () => {
    expect(ISO_DURATION.test("PT15M")).toBe(true);
    expect(ISO_DURATION.test("15m")).toBe(false);
    expect(ISO_DURATION.test("3600")).toBe(false);
  });
});

describe("formatDuration", () => {
  it.each([
    [0, "0 s"],
    [45, "45 s"],
    [900, "15 min"],
    [5400, "1 h 30 min"],
    [93_784, "1 d 2 h 3 min 4 s"],
  ])("writes %i seconds as %j, which reads back the same", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
    expect(parseDuration(text)).toBe(seconds);
  });
});

describe("formatDurationCompact", () => {
  it.each([
    [0, "0s"],
    [45, "45s"],
    [900, "15m"],
    [899.6, "14m 59s"],
    [5400, "1h 30m"],
    [3605, "1h"],
    [90 * 86_400 + 3600, "90d 1h"],
  ])("writes %d seconds as %j: the two largest units", (seconds, text) => {
    expect(formatDurationCompact(seconds)).toBe(text);
  });
});

describe("formatIsoDuration", () => {
  it.each([
    [900, "PT15M"],
    [5400, "PT1H30M"],
    [93_600, "P1DT2H"],
    [90, "PT1M30S"],
    [0, "PT0S"],
  ])("writes %i seconds as %s, which reads back the same", (seconds, text) => {
    expect(formatIsoDuration(seconds)).toBe(text);
    expect(parseDuration(text)).toBe(seconds);
  });
});
