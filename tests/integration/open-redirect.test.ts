import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPEN_REDIRECT_PAYLOADS } from "~/auth/redirect-test-payloads";
import { createTestUser, login, TEST_PASSWORD, type TestUser } from "../support/fixtures";
import { startTestApp, type TestApp } from "../support/test-app";

// /login's redirectTo over HTTP: after signing in (the form field) and at once when
// already signed in (the query parameter), every known open-redirect payload lands on
// this site. The payloads are in app/auth/redirect-test-payloads.ts.

let app: TestApp;
let user: TestUser;
let cookie: string;

beforeAll(async () => {
  app = await startTestApp();
  user = await createTestUser(["RECRUITER"]);
  cookie = await login(app, user);
});
afterAll(async () => app?.close());

/**
 * The Location as a browser would follow it: same origin, and no scheme-relative path.
 * A request the HTTP layer refuses outright (a NUL byte: 400) redirects nowhere, which is safe too.
 */
function expectSameOriginRedirect(response: Response, payload: string) {
  const label = JSON.stringify(payload);
  if (response.status === 400) {
    expect(response.headers.get("location"), label).toBeNull();
    return;
  }
  expect(response.status, label).toBe(302);
  const location = response.headers.get("location") ?? "";
  expect(location.startsWith("/"), `${label} → ${location}`).toBe(true);
  expect(location.replace(/[\t\n\r]/g, "").replace(/\\/g, "/").startsWith("//"), `${label} → ${location}`).toBe(false);
  expect(new URL(location, app.baseUrl).origin, `${label} → ${location}`).toBe(new URL(app.baseUrl).origin);
}

describe("/login redirectTo", () => {
  it.each(OPEN_REDIRECT_PAYLOADS.map((payload) => [JSON.stringify(payload), payload]))(
    "signing in with redirectTo=%s stays on this site",
    async (_label, payload) => {
      const response = await app.request("/login", { form: { email: user.email, password: TEST_PASSWORD, redirectTo: payload } });
      expectSameOriginRedirect(response, payload);
    },
  );

  it.each(OPEN_REDIRECT_PAYLOADS.map((payload) => [JSON.stringify(payload), payload]))(
    "already signed in, /login?redirectTo=%s stays on this site",
    async (_label, payload) => {
      const response = await app.request(`/login?redirectTo=${encodeURIComponent(payload)}`, { cookie });
      expectSameOriginRedirect(response, payload);
    },
  );

  it("answers the issue's example with / in both cases", async () => {
    const signedIn = await app.request("/login?redirectTo=%2F.%2F%2Fevil.example", { cookie });
    expect(signedIn.headers.get("location")).toBe("/");
    const form = await app.request("/login", { form: { email: user.email, password: TEST_PASSWORD, redirectTo: "/.//evil.example" } });
    expect(form.headers.get("location")).toBe("/");
  });

  it("still goes to a same-origin path", async () => {
    const response = await app.request(`/login?redirectTo=${encodeURIComponent("/candidates?q=a")}`, { cookie });
    expect(response.headers.get("location")).toBe("/candidates?q=a");
  });
});
