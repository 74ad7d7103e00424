import { DEFAULT_POLICY, storedPolicySchema, type LevelingPolicy } from "~/domain/leveling";
import type { Prisma } from "~/generated/prisma/client";
import { getDb } from "~/utils/db.server";

type Reader = Pick<Prisma.TransactionClient, "levelingPolicyVersion">;

/**
 * Advisory lock key that serialises policy version changes. Publishing holds it exclusively;
 * recomputing a recommendation holds it shared while it reads the policy, so a submission
 * either finishes before a publish (which then recomputes its row) or reads the new policy.
 */
export const POLICY_VERSIONS_LOCK = 0x6c6576656c; // "level"

export async function lockPolicyForReading(tx: Pick<Prisma.TransactionClient, "$executeRaw">): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${POLICY_VERSIONS_LOCK}::bigint)`;
}

/**
 * The published policy new recommendations use. The stored JSON is validated on the way
 * out too: a policy that does not parse must stop leveling, not produce a number.
 */
export async function getCurrentPolicy(db: Reader = getDb()): Promise<LevelingPolicy> {
  const row = await db.levelingPolicyVersion.findFirst({
    where: { status: "PUBLISHED" },
    orderBy: { number: "desc" },
    select: { number: true, policy: true },
  });
  if (!row) throw new Error("No published leveling policy: run the start script or db:seed to create version 1");
  return parseStoredPolicy(row.policy, row.number);
}

/** A stored policy JSON with the version number it is stored under, validated as usable (storedPolicySchema). */
export function parseStoredPolicy(json: unknown, number: number): LevelingPolicy {
  return storedPolicySchema.parse({ ...(json as object), version: number });
}

/** Version 1 is DOMAIN.md's default policy; created once per installation. */
export async function ensureDefaultPolicy(db: Pick<Prisma.TransactionClient, "levelingPolicyVersion">): Promise<void> {
  if (await db.levelingPolicyVersion.findFirst({ select: { id: true } })) return;
  await db.levelingPolicyVersion.create({
    data: {
      number: DEFAULT_POLICY.version,
      status: "PUBLISHED",
      policy: DEFAULT_POLICY as unknown as Prisma.InputJsonValue,
      publishedAt: new Date(),
    },
  });
}
