import { describe, expect, it } from "vitest";
import { isScheduleOpen, openScheduleNames } from "@/lib/schedules/is-schedule-open";
import { scheduleForm, scheduleFormText } from "@/lib/schedules/form-schemas";
import { nextTransition } from "@/lib/schedules/next-transition";
import { formatWeeklyRule, formatWindow, parseWeeklyRuleLine, parseWindowLine } from "@/lib/schedules/rule-text";
import { onCallAt } from "@/lib/on-call/on-call-at";
import { createScheduleBody, type ScheduleRules, type Weekday } from "@/lib/schedules/schemas";

const weekly = (timezone: string, days: Weekday[], start: string, end: string): ScheduleRules => ({
  timezone,
  weeklyRules: [{ days, start, end }],
  oneOffWindows: [],
});
const at = (iso: string) => new Date(iso);
const WEEKDAYS: Weekday[] = ["mon", "tue", "wed", "thu", "fri"];

describe("weekly rules on the wall clock", () => {
  const office = weekly("Europe/Berlin", WEEKDAYS, "09:00", "17:00");

  it("follows Berlin's clock on both sides of the spring-forward weekend", () => {
    // Friday 27 March 2026 is on CET (UTC+1); Monday 30 March on CEST (UTC+2).
    expect(isScheduleOpen(office, at("2026-03-27T07:59:00Z"))).toBe(false);
    expect(isScheduleOpen(office, at("2026-03-27T08:00:00Z"))).toBe(true);
    expect(isScheduleOpen(office, at("2026-03-27T15:59:59Z"))).toBe(true);
    expect(isScheduleOpen(office, at("2026-03-27T16:00:00Z"))).toBe(false);
    expect(isScheduleOpen(office, at("2026-03-30T06:59:00Z"))).toBe(false);
    expect(isScheduleOpen(office, at("2026-03-30T07:00:00Z"))).toBe(true);
    expect(nextTransition(office, at("2026-03-27T17:00:00Z"))).toEqual({ at: at("2026-03-30T07:00:00Z"), open: true });
  });

  it("keeps a window spanning Berlin's spring-forward jump two real hours long", () => {
    const night = weekly("Europe/Berlin", ["sun"], "01:00", "04:00");
    expect(nextTransition(night, at("2026-03-28T12:00:00Z"))).toEqual({ at: at("2026-03-29T00:00:00Z"), open: true });
    expect(isScheduleOpen(night, at("2026-03-29T00:59:00Z"))).toBe(true); // 01:59 CET, then the clock jumps to 03:00 CEST
    expect(isScheduleOpen(night, at("2026-03-29T01:30:00Z"))).toBe(true); // 03:30 CEST
    expect(nextTransition(night, at("2026-03-29T00:30:00Z"))).toEqual({ at: at("2026-03-29T02:00:00Z"), open: false });
  });

  it("opens a rule that starts inside the skipped hour at the jump itself", () => {
    const skipped = weekly("Europe/Berlin", ["sun"], "02:30", "05:00");
    expect(isScheduleOpen(skipped, at("2026-03-29T00:59:59Z"))).toBe(false);
    expect(isScheduleOpen(skipped, at("2026-03-29T01:00:00Z"))).toBe(true);
    expect(nextTransition(skipped, at("2026-03-28T23:00:00Z"))).toEqual({ at: at("2026-03-29T01:00:00Z"), open: true });
  });

  it("keeps a window spanning New York's fall-back hour four real hours long", () => {
    // Sunday 1 November 2026: 02:00 EDT becomes 01:00 EST at 06:00 UTC.
    const night = weekly("America/New_York", ["sun"], "00:00", "03:00");
    expect(nextTransition(night, at("2026-10-31T12:00:00Z"))).toEqual({ at: at("2026-11-01T04:00:00Z"), open: true });
    expect(isScheduleOpen(night, at("2026-11-01T06:30:00Z"))).toBe(true); // 01:30 EST, the second time
    expect(nextTransition(night, at("2026-11-01T05:00:00Z"))).toEqual({ at: at("2026-11-01T08:00:00Z"), open: false });
  });

  it("follows New York's spring-forward day", () => {
    // Sunday 8 March 2026: 02:00 EST becomes 03:00 EDT at 07:00 UTC.
    const morning = weekly("America/New_York", ["sun"], "08:00", "09:00");
    expect(nextTransition(morning, at("2026-03-08T06:00:00Z"))).toEqual({ at: at("2026-03-08T12:00:00Z"), open: true });
    expect(isScheduleOpen(morning, at("2026-03-08T13:00:00Z"))).toBe(false);
    expect(isScheduleOpen(morning, at("2026-03-01T13:00:00Z"))).toBe(true); // a week earlier, still EST
  });

  it("runs an overnight rule past midnight into the next day", () => {
    const overnight = weekly("UTC", ["fri"], "22:00", "02:00");
    expect(isScheduleOpen(overnight, at("2026-12-04T21:59:00Z"))).toBe(false);
    expect(isScheduleOpen(overnight, at("2026-12-04T22:00:00Z"))).toBe(true);
    expect(isScheduleOpen(overnight, at("2026-12-05T01:59:00Z"))).toBe(true); // Saturday morning
    expect(isScheduleOpen(overnight, at("2026-12-05T02:00:00Z"))).toBe(false);
    expect(isScheduleOpen(overnight, at("2026-12-05T23:00:00Z"))).toBe(false); // Saturday is not a start day
    expect(isScheduleOpen(overnight, at("2026-12-04T01:00:00Z"))).toBe(false); // Thursday night did not start one
    expect(nextTransition(overnight, at("2026-12-04T23:00:00Z"))).toEqual({ at: at("2026-12-05T02:00:00Z"), open: false });
  });

  it("reads an end equal to the start as a full day", () => {
    const fullDay = weekly("UTC", ["sat"], "06:00", "06:00");
    expect(isScheduleOpen(fullDay, at("2026-12-06T05:59:00Z"))).toBe(true);
    expect(isScheduleOpen(fullDay, at("2026-12-06T06:00:00Z"))).toBe(false);
  });
});

describe("one-off windows", () => {
  const freeze: ScheduleRules = {
    timezone: "Europe/Berlin",
    weeklyRules: [{ days: WEEKDAYS, start: "09:00", end: "17:00" }],
    oneOffWindows: [{ startsAt: "2026-12-05T10:00:00.000Z", endsAt: "2026-12-05T12:00:00.000Z" }],
  };

  it("open from their start (inclusive) to their end (exclusive), whatever the weekly rules say", () => {
    expect(isScheduleOpen(freeze, at("2026-12-05T09:59:59Z"))).toBe(false);
    expect(isScheduleOpen(freeze, at("2026-12-05T10:00:00Z"))).toBe(true);
    expect(isScheduleOpen(freeze, at("2026-12-05T12:00:00Z"))).toBe(false);
    expect(nextTransition(freeze, at("2026-12-05T08:00:00Z"))).toEqual({ at: at("2026-12-05T10:00:00Z"), open: true });
    expect(nextTransition(freeze, at("2026-12-05T11:00:00Z"))).toEqual({ at: at("2026-12-05T12:00:00Z"), open: false });
  });

  it("skip an edge where a window and a weekly rule meet, and see weekly edges after a long window", () => {
    const handOver: ScheduleRules = {
      timezone: "UTC",
      weeklyRules: [{ days: WEEKDAYS, start: "09:00", end: "17:00" }],
      oneOffWindows: [
        { startsAt: "2026-12-07T08:00:00.000Z", endsAt: "2026-12-07T09:00:00.000Z" },
        { startsAt: "2026-12-14T00:00:00.000Z", endsAt: "2027-01-13T12:00:00.000Z" },
      ],
    };
    expect(nextTransition(handOver, at("2026-12-07T08:30:00Z"))).toEqual({ at: at("2026-12-07T17:00:00Z"), open: false });
    expect(nextTransition(handOver, at("2026-12-20T00:00:00Z"))).toEqual({ at: at("2027-01-13T17:00:00Z"), open: false });
  });

  it("never change again once past, with no weekly rules", () => {
    expect(nextTransition({ timezone: "UTC", weeklyRules: [], oneOffWindows: freeze.oneOffWindows }, at("2026-12-06T00:00:00Z"))).toBeNull();
    expect(nextTransition(weekly("UTC", ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "00:00", "00:00"), at("2026-12-06T00:00:00Z"))).toBeNull();
  });
});

describe("openScheduleNames", () => {
  it("names the schedules open at an instant", () => {
    const schedules = [
      { name: "prod-change-window", ...weekly("Europe/Berlin", ["tue", "thu"], "10:00", "12:00") },
      { name: "weekend-freeze", ...weekly("UTC", ["sat", "sun"], "00:00", "00:00") },
    ];
    expect(openScheduleNames(schedules, at("2026-12-08T09:30:00Z"))).toEqual(new Set(["prod-change-window"])); // Tue 10:30 CET
    expect(openScheduleNames(schedules, at("2026-12-06T09:30:00Z"))).toEqual(new Set(["weekend-freeze"]));
    expect(openScheduleNames(schedules, at("2026-12-09T09:30:00Z"))).toEqual(new Set());
  });
});

describe("the schedule body", () => {
  it("canonicalises the timezone and sorts days; names bad input by field", () => {
    const parsed = createScheduleBody.parse({
      name: "prod-change-window",
      timezone: "europe/berlin",
      weeklyRules: [{ days: ["thu", "tue"], start: "10:00", end: "12:00" }],
    });
    expect(parsed).toMatchObject({ timezone: "Europe/Berlin", weeklyRules: [{ days: ["tue", "thu"] }], oneOffWindows: [], description: "" });
    const refused = createScheduleBody.safeParse({
      name: "Prod Window",
      timezone: "Mars/Olympus",
      weeklyRules: [{ days: ["someday"], start: "24:00", end: "9:00" }],
      oneOffWindows: [{ startsAt: "2026-12-05T12:00:00Z", endsAt: "2026-12-05T10:00:00Z" }],
    });
    expect(refused.success).toBe(false);
    const fields = refused.error!.issues.map((issue) => issue.path.join("."));
    expect(fields).toEqual(
      expect.arrayContaining(["name", "timezone", "weeklyRules.0.days.0", "weeklyRules.0.start", "weeklyRules.0.end", "oneOffWindows.0.endsAt"]),
    );
  });
});

describe("the schedule form's lines", () => {
  it("reads and writes weekly rules in words", () => {
    expect(parseWeeklyRuleLine("Mon-Fri 9:00-17:00")).toEqual({ days: ["mon", "tue", "wed", "thu", "fri"], start: "09:00", end: "17:00" });
    expect(parseWeeklyRuleLine("fri-mon 22:00 - 02:00")).toEqual({ days: ["mon", "fri", "sat", "sun"], start: "22:00", end: "02:00" });
    expect(parseWeeklyRuleLine("someday 10:00-11:00")).toMatch(/not a day/);
    expect(parseWeeklyRuleLine("tuesday morning")).toMatch(/such as/);
    expect(formatWeeklyRule({ days: ["mon", "tue", "wed", "thu", "fri"], start: "09:00", end: "17:00" })).toBe("mon-fri 09:00-17:00");
    expect(formatWeeklyRule({ days: ["tue", "thu"], start: "10:00", end: "12:00" })).toBe("tue,thu 10:00-12:00");
    expect(formatWeeklyRule({ days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], start: "00:00", end: "00:00" })).toBe("daily 00:00-00:00");
  });

  it("reads one-off windows on the schedule's wall clock, refusing a time the clocks skip", () => {
    const window = parseWindowLine("2026-12-24 09:00 - 2026-12-24 10:30 Hotfix slot", "Europe/Berlin");
    expect(window).toEqual({ startsAt: "2026-12-24T08:00:00.000Z", endsAt: "2026-12-24T09:30:00.000Z", note: "Hotfix slot" });
    expect(formatWindow(window as { startsAt: string; endsAt: string; note: string }, "Europe/Berlin")).toBe("2026-12-24 09:00 - 2026-12-24 10:30 Hotfix slot");
    expect(parseWindowLine("2026-03-29 02:30 - 2026-03-29 04:00", "Europe/Berlin")).toMatch(/clocks skip/);
    expect(parseWindowLine("2026-12-24 10:00 - 2026-12-24 09:00", "UTC")).toBe("must end after it starts");
  });

  it("names the refused line under its box", () => {
    const parsed = scheduleForm.safeParse({
      name: "prod-change-window",
      timezone: "UTC",
      weeklyRules: "mon-fri 09:00-17:00\nnever 25:00-26:00",
      oneOffWindows: "",
    });
    expect(parsed.error?.issues).toEqual([expect.objectContaining({ path: ["weeklyRules"], message: expect.stringMatching(/^line 2: /) })]);
    const valid = scheduleForm.parse({ name: "prod-change-window", timezone: "UTC", weeklyRules: "tue,thu 10:00-12:00", oneOffWindows: "" });
    expect(scheduleFormText(valid)).toEqual({ weeklyRules: "tue,thu 10:00-12:00", oneOffWindows: "" });
  });
});

describe("onCallAt", () => {
  it("counts a shift until its end, and one with no end always", () => {
    const shifts = [
      { groupName: "sre-approvers", userId: "usr_a", until: null },
      { groupName: "sre-approvers", userId: "usr_b", until: new Date("2026-12-08T08:00:00Z") },
      { groupName: "dba", userId: "usr_c", until: new Date("2026-12-08T08:00:00Z") },
    ];
    expect(onCallAt(shifts, new Date("2026-12-08T07:59:59Z"))).toEqual(
      new Map([
        ["sre-approvers", new Set(["usr_a", "usr_b"])],
        ["dba", new Set(["usr_c"])],
      ]),
    );
    expect(onCallAt(shifts, new Date("2026-12-08T08:00:00Z"))).toEqual(new Map([["sre-approvers", new Set(["usr_a"])]]));
  });
});
