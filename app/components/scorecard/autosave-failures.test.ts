import { describe, expect, it } from "vitest";
import { keepAutosaveFailuresAsData, SAVE_DRAFT_INTENT } from "./use-autosave";

/** What Remix hands a clientAction for a thrown response (an ErrorResponse: status, statusText, internal, data). */
const errorResponse = (status: number) => ({ status, statusText: "", internal: false, data: "message" });

function post(intent: string): Request {
  return new Request("http://localhost/interviews/1", { method: "POST", body: new URLSearchParams({ intent }) });
}

const failing = (error: unknown) => () => Promise.reject(error);

describe("keepAutosaveFailuresAsData", () => {
  it("passes a successful answer through", async () => {
    await expect(keepAutosaveFailuresAsData(post(SAVE_DRAFT_INTENT), () => Promise.resolve({ ok: true, version: 3 }))).resolves.toEqual({
      ok: true,
      version: 3,
    });
  });

  it("turns a crash, a network failure and a 503 (database unavailable) into a retry, so the form stays on screen", async () => {
    for (const error of [new Error("Unexpected Server Error"), new TypeError("Failed to fetch"), errorResponse(503)]) {
      await expect(keepAutosaveFailuresAsData(post(SAVE_DRAFT_INTENT), failing(error))).resolves.toEqual({ ok: false, retryable: true });
    }
  });

  it("turns a 409 into a conflict", async () => {
    await expect(keepAutosaveFailuresAsData(post(SAVE_DRAFT_INTENT), failing(errorResponse(409)))).resolves.toEqual({
      ok: false,
      conflict: true,
    });
  });

  it("lets redirects, other statuses and other intents reach the error boundary", async () => {
    const redirect = new Response(null, { status: 302, headers: { Location: "/login" } });
    await expect(keepAutosaveFailuresAsData(post(SAVE_DRAFT_INTENT), failing(redirect))).rejects.toBe(redirect);
    const forbidden = errorResponse(403);
    await expect(keepAutosaveFailuresAsData(post(SAVE_DRAFT_INTENT), failing(forbidden))).rejects.toBe(forbidden);
    const crash = new Error("Unexpected Server Error");
    await expect(keepAutosaveFailuresAsData(post("submit"), failing(crash))).rejects.toBe(crash);
  });
});
