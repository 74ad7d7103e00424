import { hashPassword } from "~/auth/password.server";
import type { Role } from "~/generated/prisma/enums";
import { getDb } from "~/utils/db.server";
import { recordAudit } from "./audit.server";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function findUserForLogin(email: string) {
  return getDb().user.findUnique({
    where: { email: normalizeEmail(email) },
    select: { id: true, passwordHash: true, active: true },
  });
}

export function listUsers() {
  return getDb().user.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: { id: true, email: true, name: true, roles: true, active: true, createdAt: true },
  });
}

export async function createUser(
  input: { email: string; name: string; password: string; roles: Role[] },
  actor: { id: string | null; ipAddress?: string },
) {
  const passwordHash = await hashPassword(input.password);
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: normalizeEmail(input.email), name: input.name.trim(), passwordHash, roles: input.roles },
      select: { id: true, email: true },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "user.create",
        entityType: "User",
        entityId: user.id,
        details: { email: user.email, roles: input.roles },
        ipAddress: actor.ipAddress,
      },
      tx,
    );
    return user;
  });
}

/** Replaces the password and ends every other session of the user, in one transaction. */
export async function changePassword(userId: string, newPassword: string, keepSessionId: string, ipAddress?: string) {
  const passwordHash = await hashPassword(newPassword);
  await getDb().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, passwordChangedAt: new Date() } });
    await tx.session.deleteMany({ where: { userId, id: { not: keepSessionId } } });
    await recordAudit({ actorId: userId, action: "user.password_change", entityType: "User", entityId: userId, ipAddress }, tx);
  });
}

export async function setUserRoles(userId: string, roles: Role[], actor: { id: string; ipAddress?: string }) {
  await getDb().$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { roles: true } });
    await tx.user.update({ where: { id: userId }, data: { roles } });
    await recordAudit(
      {
        actorId: actor.id,
        action: "user.roles_change",
        entityType: "User",
        entityId: userId,
        details: { from: before.roles, to: roles },
        ipAddress: actor.ipAddress,
      },
      tx,
    );
  });
}

/** Deactivation ends the user's sessions at once; their past work stays. */
export async function deactivateUser(userId: string, actor: { id: string; ipAddress?: string }) {
  await getDb().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { active: false, deactivatedAt: new Date() } });
    await tx.session.deleteMany({ where: { userId } });
    await recordAudit(
      { actorId: actor.id, action: "user.deactivate", entityType: "User", entityId: userId, ipAddress: actor.ipAddress },
      tx,
    );
  });
}

/** Lets a deactivated user sign in again; their sessions ended at deactivation and stay ended. */
export async function reactivateUser(userId: string, actor: { id: string; ipAddress?: string }) {
  await getDb().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { active: true, deactivatedAt: null } });
    await recordAudit(
      { actorId: actor.id, action: "user.reactivate", entityType: "User", entityId: userId, ipAddress: actor.ipAddress },
      tx,
    );
  });
}

/**
 * An admin sets a new initial password (shared out of band): every session of the user
 * ends in the same transaction, so whoever held the old password is signed out at once.
 */
export async function resetPassword(userId: string, newPassword: string, actor: { id: string; ipAddress?: string }) {
  const passwordHash = await hashPassword(newPassword);
  await getDb().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, passwordChangedAt: new Date() } });
    const { count } = await tx.session.deleteMany({ where: { userId } });
    await recordAudit(
      {
        actorId: actor.id,
        action: "user.password_reset",
        entityType: "User",
        entityId: userId,
        details: { sessionsEnded: count },
        ipAddress: actor.ipAddress,
      },
      tx,
    );
  });
}

export function userExists(userId: string) {
  return getDb().user.findUnique({ where: { id: userId }, select: { id: true, active: true } });
}
