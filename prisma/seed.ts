import { hashPassword } from "~/auth/password.server";
import { recomputeRecommendation } from "~/models/recommendation.server";
import type { Db } from "~/utils/db.server";
import { DEMO_CANDIDATES, DEMO_PASSWORD, DEMO_USERS } from "./demo-data";
import { seedDemoEvaluations } from "./demo-evaluations";

/**
 * Demo accounts and candidates. Idempotent: rows are matched by email and left as they
 * are when present, so re-running never resets a password someone changed.
 */
export async function seedDemoData(db: Db): Promise<{ users: number; candidates: number; evaluated: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = new Map<string, string>();
  for (const user of DEMO_USERS) {
    const row = await db.user.upsert({
      where: { email: user.email },
      update: {},
      create: { ...user, passwordHash },
      select: { id: true },
    });
    users.set(user.email, row.id);
  }
  for (const { recruiterEmail, ...candidate } of DEMO_CANDIDATES) {
    await db.$transaction(async (tx) => {
      const row = await tx.candidate.upsert({
        where: { email: candidate.email },
        update: {},
        create: { ...candidate, recruiterId: users.get(recruiterEmail) },
        select: { id: true },
      });
      await recomputeRecommendation(tx, row.id);
    });
  }
  const evaluated = await seedDemoEvaluations(db);
  return { users: DEMO_USERS.length, candidates: DEMO_CANDIDATES.length, evaluated };
}

export function demoAccountsTable(): string {
  const rows = DEMO_USERS.map((user) => `  ${user.email.padEnd(28)} ${user.roles.join(", ").toLowerCase()}`);
  return ["Demo accounts (password for all: " + DEMO_PASSWORD + "):", ...rows].join("\n");
}
