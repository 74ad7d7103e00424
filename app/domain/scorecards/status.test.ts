import { describe, expect, it } from "vitest";
import { scorecardStatus } from "./status";

const scheduledAt = new Date("2026-03-02T15:00:00Z");
const at = (hoursAfterStart: number) => new Date(scheduledAt.getTime() + hoursAfterStart * 3_600_000);

describe("scorecardStatus", () => {
  it("is not started, then draft, then submitted", () => {
    expect(scorecardStatus({ scheduledAt, durationMinutes: 60, scorecard: null, now: at(2) })).toBe("not_started");
    expect(scorecardStatus({ scheduledAt, durationMinutes: 60, scorecard: { submittedAt: null }, now: at(2) })).toBe("draft");
    expect(scorecardStatus({ scheduledAt, durationMinutes: 60, scorecard: { submittedAt: at(3) }, now: at(100) })).toBe("submitted");
  });

  it("becomes overdue exactly 24 hours after the interview ends", () => {
    const draft = { submittedAt: null };
    expect(scorecardStatus({ scheduledAt, durationMinutes: 60, scorecard: draft, now: new Date(at(25).getTime() - 1) })).toBe("draft");
    expect(scorecardStatus({ scheduledAt, durationMinutes: 60, scorecard: draft, now: at(25) })).toBe("overdue");
    expect(scorecardStatus({ scheduledAt, durationMinutes: 90, scorecard: null, now: at(25) })).toBe("not_started");
    expect(scorecardStatus({ scheduledAt, durationMinutes: 90, scorecard: null, now: at(25.5) })).toBe("overdue");
  });
});
