import { describe, expect, it } from "vitest";
import { formatIsoDuration, parseIsoDuration } from "@/lib/mcp/iso-duration";

describe("ISO 8601 durations for request_access", () => {
  it.each([
    ["PT15M", 900],
    ["PT1H30M", 5400],
    ["P1D", 86400],
    ["P1DT2H", 93600],
    ["P1W", 604800],
    ["PT90S", 90],
    ["pt2h", 7200],
  ])("reads %s as %i seconds", (text, seconds) => expect(parseIsoDuration(text)).toBe(seconds));

  it.each(["", "P", "PT", "15m", "P1M", "P1Y", "PT1.5H", "PT-5M", "P1DT", "PT15M junk", "3600"])("refuses %j", (text) => expect(parseIsoDuration(text)).toBeNull());

  it.each([
    [900, "PT15M"],
    [5400, "PT1H30M"],
    [93600, "P1DT2H"],
    [90, "PT1M30S"],
    [0, "PT0S"],
  ])("writes %i seconds as %s, which reads back the same", (seconds, text) => {
    expect(formatIsoDuration(seconds)).toBe(text);
    expect(parseIsoDuration(text)).toBe(seconds);
  });
});
