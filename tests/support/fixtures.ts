import { randomUUID } from "node:crypto";
import type { Role } from "~/generated/prisma/enums";
import { cookieFrom, type TestApp } from "./test-app";

export const TEST_PASSWORD = "correct horse battery staple";

export type TestUser = { id: string; email: string; password: string; roles: Role[] };

/** A user in the test app's database, written through the app's own model code. */
export async function createTestUser(roles: Role[], password = TEST_PASSWORD): Promise<TestUser> {
  const { createUser } = await import("~/models/user.server");
  const email = `${roles.join("-").toLowerCase() || "nobody"}-${randomUUID().slice(0, 8)}@test.example`;
  const user = await createUser({ email, name: `Test ${roles.join(" ")}`, password, roles }, { id: null });
  return { id: user.id, email, password, roles };
}

export async function login(app: TestApp, user: Pick<TestUser, "email" | "password">): Promise<string> {
  const response = await app.request("/login", { form: { email: user.email, password: user.password } });
  if (response.status !== 302 && response.status !== 204) {
    throw new Error(`login as ${user.email} answered ${response.status}`);
  }
  return cookieFrom(response);
}
