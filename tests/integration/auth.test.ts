import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, login, TEST_PASSWORD, type TestUser } from "../support/fixtures";
import { startTestApp, type TestApp } from "../support/test-app";

let app: TestApp;
let db: import("~/utils/db.server").Db;

beforeAll(async () => {
  app = await startTestApp();
  db = (await import("~/utils/db.server")).getDb();
});
afterAll(async () => app?.close());

const tokenOf = (cookie: string) => cookie.split("=")[1]!;
const sha256Hex = (text: string) => createHash("sha256").update(text).digest("hex");

describe("login", () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await createTestUser(["RECRUITER"]);
  });

  it("signs in with the right password and sets a hardened session cookie", async () => {
    const response = await app.request("/login", { form: { email: user.email, password: TEST_PASSWORD } });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/");
    const setCookie = response.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^__Host-session=[a-z2-7]{32};/);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Lax/);
    expect(setCookie).toMatch(/; Secure/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Domain=/i);
  });

  it("stores only the SHA-256 of the token", async () => {
    const token = tokenOf(await login(app, user));
    const rows = await db.session.findMany({ where: { userId: user.id } });
    expect(rows.some((row) => row.id === sha256Hex(token))).toBe(true);
    expect(rows.every((row) => row.id !== token && !JSON.stringify(row).includes(token))).toBe(true);
  });

  it("accepts the email in any case and with spaces", async () => {
    const response = await app.request("/login", {
      form: { email: `  ${user.email.toUpperCase()} `, password: TEST_PASSWORD },
    });
    expect(response.status).toBe(302);
  });

  it("answers a wrong password and an unknown email with the same generic error", async () => {
    const wrong = await app.request("/login", { form: { email: user.email, password: "not the password" } });
    const unknown = await app.request("/login", { form: { email: "nobody@test.example", password: "whatever1" } });
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    const [wrongHtml, unknownHtml] = await Promise.all([wrong.text(), unknown.text()]);
    expect(wrongHtml).toContain("Email or password is incorrect.");
    expect(unknownHtml).toContain("Email or password is incorrect.");
    expect(wrong.headers.get("set-cookie")).toBeNull();
  });

  it("accepts a long unicode password", async () => {
    const password = "contraseña ñandú 🔐 ".repeat(10);
    const unicodeUser = await createTestUser(["INTERVIEWER"], password);
    const response = await app.request("/login", { form: { email: unicodeUser.email, password } });
    expect(response.status).toBe(302);
  });

  it("throttles an account after repeated failures, even for the right password", async () => {
    const target = await createTestUser(["INTERVIEWER"]);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await app.request("/login", { form: { email: target.email, password: `wrong-${i}-password` } });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    const blocked = await app.request("/login", { form: { email: target.email, password: TEST_PASSWORD } });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await blocked.text()).toMatch(/Too many sign-in attempts\. Try again in \d+ seconds\./);
    expect(blocked.headers.get("set-cookie")).toBeNull();
  });

  it("never redirects off-site after login", async () => {
    for (const redirectTo of ["//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"]) {
      const response = await app.request("/login", { form: { email: user.email, password: TEST_PASSWORD, redirectTo } });
      expect(response.headers.get("location"), redirectTo).toBe("/");
    }
    const local = await app.request("/login", { form: { email: user.email, password: TEST_PASSWORD, redirectTo: "/candidates?q=a" } });
    expect(local.headers.get("location")).toBe("/candidates?q=a");
  });
});

describe("ending sessions", () => {
  it("logout deletes the session and the old cookie no longer works", async () => {
    const user = await createTestUser(["RECRUITER"]);
    const cookie = await login(app, user);
    expect((await app.request("/candidates", { cookie })).status).toBe(200);
    const response = await app.request("/logout", { method: "POST", cookie });
    expect(response.status).toBe(302);
    expect(response.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await app.request("/candidates", { cookie })).status).toBe(302);
  });

  it("deactivation by an admin ends every session of that user at once", async () => {
    const admin = await createTestUser(["ADMIN"]);
    const victim = await createTestUser(["RECRUITER"]);
    const adminCookie = await login(app, admin);
    const cookies = [await login(app, victim), await login(app, victim)];
    const response = await app.request("/admin/users", {
      cookie: adminCookie,
      form: { intent: "deactivate", userId: victim.id },
    });
    expect(response.status).toBe(302);
    expect(await db.session.count({ where: { userId: victim.id } })).toBe(0);
    for (const cookie of cookies) expect((await app.request("/candidates", { cookie })).status).toBe(302);
    const again = await app.request("/login", { form: { email: victim.email, password: TEST_PASSWORD } });
    expect(again.status).toBe(400);
    expect(await db.auditEvent.count({ where: { action: "user.deactivate", entityId: victim.id } })).toBe(1);
  });

  it("a password change ends the user's other sessions and keeps the current one", async () => {
    const user = await createTestUser(["INTERVIEWER"]);
    const current = await login(app, user);
    const other = await login(app, user);
    const response = await app.request("/account", {
      cookie: current,
      form: { currentPassword: TEST_PASSWORD, newPassword: "a brand new passphrase", confirmPassword: "a brand new passphrase" },
    });
    expect(response.status).toBe(302);
    expect((await app.request("/account", { cookie: current })).status).toBe(200);
    expect((await app.request("/account", { cookie: other })).status).toBe(302);
  });

  it("a wrong current password changes nothing", async () => {
    const user = await createTestUser(["INTERVIEWER"]);
    const cookie = await login(app, user);
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const response = await app.request("/account", {
      cookie,
      form: { currentPassword: "not my password", newPassword: "another passphrase", confirmPassword: "another passphrase" },
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("The current password is incorrect");
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash).toBe(before.passwordHash);
  });
});

describe("cross-site request forgery", () => {
  it("refuses a POST from a foreign origin, or with no origin at all, and changes nothing", async () => {
    const admin = await createTestUser(["ADMIN"]);
    const cookie = await login(app, admin);
    const form = { intent: "create", name: "Mallory", email: "mallory@test.example", password: "password123", roles: "ADMIN" };
    const before = await db.user.count();
    const foreign = await app.request("/admin/users", { cookie, form, origin: "https://evil.example" });
    const crossSite = await app.request("/admin/users", { cookie, form, origin: null, headers: { "Sec-Fetch-Site": "cross-site" } });
    const bare = await app.request("/admin/users", { cookie, form, origin: null });
    expect([foreign.status, crossSite.status, bare.status]).toEqual([403, 403, 403]);
    expect(await db.user.count()).toBe(before);
    const sameOrigin = await app.request("/admin/users", { cookie, form });
    expect(sameOrigin.status).toBe(302);
    expect(await db.user.count()).toBe(before + 1);
  });

  it("logout is not possible with a GET", async () => {
    const user = await createTestUser(["RECRUITER"]);
    const cookie = await login(app, user);
    await app.request("/logout", { cookie });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });
});

describe("roles", () => {
  const pages: Record<string, string> = {
    INTERVIEWER: "/interviews",
    RECRUITER: "/candidates",
    ADMIN: "/admin/users",
  };

  it.each(Object.keys(pages))("%s reaches its page and gets 403 on the others", async (role) => {
    const user = await createTestUser([role as TestUser["roles"][number]]);
    const cookie = await login(app, user);
    for (const [pageRole, path] of Object.entries(pages)) {
      const response = await app.request(path, { cookie });
      expect(response.status, `${role} on ${path}`).toBe(pageRole === role ? 200 : 403);
    }
    expect((await app.request("/admin/audit", { cookie })).status).toBe(role === "ADMIN" ? 200 : 403);
  });

  it("a user with several roles reaches each of them", async () => {
    const user = await createTestUser(["INTERVIEWER", "RECRUITER"]);
    const cookie = await login(app, user);
    expect((await app.request("/interviews", { cookie })).status).toBe(200);
    expect((await app.request("/candidates", { cookie })).status).toBe(200);
    expect((await app.request("/admin/users", { cookie })).status).toBe(403);
  });

  it("sends anonymous users to the login page with a safe redirectTo", async () => {
    for (const path of Object.values(pages)) {
      const response = await app.request(path);
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
    }
  });

  it("a non-admin cannot use an admin action", async () => {
    const recruiter = await createTestUser(["RECRUITER"]);
    const cookie = await login(app, recruiter);
    const before = await db.user.count();
    const response = await app.request("/admin/users", {
      cookie,
      form: { intent: "create", name: "X", email: "x@test.example", password: "password123", roles: "ADMIN" },
    });
    expect(response.status).toBe(403);
    expect(await db.user.count()).toBe(before);
  });
});

describe("operations", () => {
  it("reports database reachability on /healthz", async () => {
    const response = await app.request("/healthz");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: "reachable" });
  });

  it("sends an enforced nonce-based CSP and no-store on pages", async () => {
    const response = await app.request("/login");
    const csp = response.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    const scriptSrc = csp.split("; ").find((directive) => directive.startsWith("script-src "));
    expect(scriptSrc).toBe(`script-src 'self' 'nonce-${nonce}'`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
    expect(response.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });
});
