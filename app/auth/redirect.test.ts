import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./redirect";
import { OPEN_REDIRECT_PAYLOADS } from "./redirect-test-payloads";

const APP = "https://app.example";

/** What a browser does with the Location: resolve it against the app's URL. */
function expectSameOrigin(result: string) {
  expect(result.startsWith("/")).toBe(true);
  expect(new URL(result, APP).origin).toBe(APP);
  // As browsers read it: tabs and newlines dropped, backslashes as slashes.
  const normalised = result.replace(/[\t\n\r]/g, "").replace(/\\/g, "/");
  expect(normalised.startsWith("//")).toBe(false);
  const { pathname } = new URL(result, APP);
  expect(pathname.startsWith("//")).toBe(false);
}

describe("safeRedirectPath", () => {
  it("has a table of at least 30 payloads", () => {
    expect(new Set(OPEN_REDIRECT_PAYLOADS).size).toBeGreaterThanOrEqual(30);
  });

  it.each(OPEN_REDIRECT_PAYLOADS.map((payload) => [JSON.stringify(payload), payload]))(
    "keeps %s on this site",
    (_label, payload) => {
      expectSameOrigin(safeRedirectPath(payload));
    },
  );

  it.each([
    ["/.//evil.example"],
    ["/..//evil.example"],
    ["/%2e//evil.example"],
    ["/a/..//evil.example"],
    ["/.%2e//evil.example"],
  ])("falls back to / for %s, which collapses into //evil.example", (payload) => {
    expect(safeRedirectPath(payload)).toBe("/");
    expect(safeRedirectPath(payload, "/inbox")).toBe("/inbox");
  });

  it.each([
    ["/candidates?q=a", "/candidates?q=a"],
    ["/candidates/c1#scorecards", "/candidates/c1#scorecards"],
    ["/a/../candidates", "/candidates"],
    ["/interviews?sort=due&page=2", "/interviews?sort=due&page=2"],
  ])("keeps the same-origin path %s", (payload, expected) => {
    expect(safeRedirectPath(payload)).toBe(expected);
  });

  it.each([[undefined], [null], [42], [""], [["/candidates"]]])("falls back for %j", (value) => {
    expect(safeRedirectPath(value)).toBe("/");
  });

  const pieces = ["/", "\\", ".", "..", "%2e", "%2E", "%2f", "%5c", "%09", "\t", "\n", "\r", " ", "\u0000", ":", "@", "?", "#", ";", "a", "evil.example", "javascript:", "https:"];
  it("returns a same-origin path for any mix of slashes, dots, encodings and control characters", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        expectSameOrigin(safeRedirectPath(parts.join("")));
      }),
      { numRuns: 5000 },
    );
  });

  it("returns a same-origin path for any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (value) => {
        expectSameOrigin(safeRedirectPath(value));
        expectSameOrigin(safeRedirectPath(`/${value}`));
      }),
      { numRuns: 5000 },
    );
  });
});
