import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startSchedule } from "./reminders.server";

describe("startSchedule", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs first after the delay, then every interval, never two runs at once, and stop waits for the run in progress", async () => {
    let runs = 0;
    let finish: (() => void) | undefined;
    const schedule = startSchedule({
      firstRunAfterMs: 1_000,
      intervalMs: 60_000,
      task: () => {
        runs += 1;
        return new Promise<void>((resolve) => (finish = resolve));
      },
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(runs).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toBe(1);
    // Still running at the next tick: skipped.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toBe(1);
    finish!();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toBe(2);

    let stopped = false;
    const stopping = schedule.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish!();
    await stopping;
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(runs).toBe(2);
  });
});
