import { describe, expect, it } from "vitest";
import { interviewEndsAt, scorecardStatus } from "./status";

const scheduledAt = new Date("2026-03-02T15:00:00Z");
const at = (hoursAfterStart: number) => new Date(scheduledAt.getTime() + hoursAfterStart * 3_600_000);
const justBefore = (date: Date) => new Date(date.getTime() - 1);

describe("scorecardStatus", () => {
  it("is not started, then draft, then submitted", () => {
    expect(scorecardStatus({ scheduledAt, durationMinutes: 60, scorecard: null, now: at(1.5) })).toBe("not_started");
    expect(scorecardStatus({ scheduledAt, durationMinutes: 60, scorecard: { submittedAt: null }, now: at(1.5) })).toBe("draft");
    expect(scorecardStatus({ scheduledAt, durationMinutes: 60, scorecard: { submittedAt: at(3) }, now: at(100) })).toBe("submitted");
  });

  it("becomes due exactly 1 hour after the interview ends, with or without a draft", () => {
    const draft = { submittedAt: null };
    expect(scorecardStatus({ scheduledAt, durationMinutes: 60, scorecard: draft, now: justBefore(at(2)) })).toBe("draft");
    expect(scorecardStatus({ scheduledAt, durationMinutes: 60, scorecard: draft, now: at(2) })).toBe("due");
    expect(scorecardStatus({ scheduledAt, durationMinutes: 60, scorecard: null, now: at(2) })).toBe("due");
    expect(scorecardStatus({ scheduledAt, durationMinutes: 90, scorecard: null, now: at(2) })).toBe("not_started");
    expect(scorecardStatus({ scheduledAt, durationMinutes: 90, scorecard: null, now: at(2.5) })).toBe("due");
  });

  it("becomes overdue exactly 24 hours after the interview ends", () => {
    const draft = { submittedAt: null };
    expect(scorecardStatus({ scheduledAt, durationMinutes: 60, scorecard: draft, now: justBefore(at(25)) })).toBe("due");
    expect(scorecardStatus({ scheduledAt, durationMinutes: 60, scorecard: draft, now: at(25) })).toBe("overdue");
    expect(scorecardStatus({ scheduledAt, durationMinutes: 90, scorecard: null, now: at(25) })).toBe("due");
    expect(scorecardStatus({ scheduledAt, durationMinutes: 90, scorecard: null, now: at(25.5) })).toBe("overdue");
  });

  it("never calls a submitted scorecard due or overdue, however late it was submitted", () => {
    expect(scorecardStatus({ scheduledAt, durationMinutes: 60, scorecard: { submittedAt: at(80) }, now: at(200) })).toBe("submitted");
  });
});

describe("interviewEndsAt", () => {
  it("adds the planned duration to the start", () => {
    expect(interviewEndsAt({ scheduledAt, durationMinutes: 45 }).toISOString()).toBe("2026-03-02T15:45:00.000Z");
  });
});
