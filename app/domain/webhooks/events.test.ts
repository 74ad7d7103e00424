import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nextAttemptAt, RETRY_WINDOW_MS, webhookPayload } from "./events";

const created = new Date("2031-01-01T00:00:00Z");

describe("webhook retries", () => {
  it("back off exponentially from 30 s, at most 6 h apart", () => {
    const waits = [1, 2, 3, 4, 10, 11, 12, 30].map(
      (failedAttempts) => (nextAttemptAt({ createdAt: created, failedAttempts, now: created })!.getTime() - created.getTime()) / 1000,
    );
    expect(waits).toEqual([30, 60, 120, 240, 15_360, 21_600, 21_600, 21_600]);
  });

  it("keep trying for a day after the event, then give up", () => {
    let now = created;
    let attempts = 0;
    for (;;) {
      attempts += 1;
      const next = nextAttemptAt({ createdAt: created, failedAttempts: attempts, now });
      if (!next) break;
      now = next;
    }
    expect(now.getTime() - created.getTime()).toBeLessThanOrEqual(RETRY_WINDOW_MS);
    expect(now.getTime() - created.getTime()).toBeGreaterThan(RETRY_WINDOW_MS - 6 * 3_600_000);
    // The first attempt and 12 retries: 30 s, 1, 2, 4, … 256 min, then 6 h apart, ending about 20.5 h after the event.
    expect(attempts).toBe(13);
  });

  it("never schedules past the window nor before now", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: RETRY_WINDOW_MS * 2 }), (failedAttempts, elapsed) => {
        const now = new Date(created.getTime() + elapsed);
        const next = nextAttemptAt({ createdAt: created, failedAttempts, now });
        if (next) {
          expect(next.getTime()).toBeGreaterThan(now.getTime());
          expect(next.getTime() - created.getTime()).toBeLessThanOrEqual(RETRY_WINDOW_MS);
        }
      }),
    );
  });
});

describe("webhook payloads", () => {
  it("use the Standard Webhooks envelope", () => {
    const at = new Date("2031-01-01T12:00:00Z");
    expect(JSON.parse(webhookPayload("candidate.created", { candidateId: "c1" }, at))).toEqual({
      type: "candidate.created",
      timestamp: "2031-01-01T12:00:00.000Z",
      data: { candidateId: "c1" },
    });
  });
});
