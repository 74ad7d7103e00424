import { getDb } from "~/utils/db.server";

/*
 * The in-app inbox. Every function takes the user's id and scopes its where by it: a user
 * reads and marks only their own notifications.
 */

export const INBOX_PAGE_SIZE = 100;

/** The user's latest notifications, unread first, newest first. */
export function listNotifications(userId: string) {
  return getDb().notification.findMany({
    where: { userId },
    orderBy: [{ readAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    take: INBOX_PAGE_SIZE,
    select: { id: true, kind: true, title: true, body: true, link: true, createdAt: true, readAt: true },
  });
}

/**
 * Marks one of the user's notifications read. False when it is not theirs (or does not
 * exist): the route answers 404 without saying which. Marking a read one again is a no-op.
 */
export async function markNotificationRead(input: { userId: string; notificationId: string; now?: Date }): Promise<boolean> {
  const db = getDb();
  const { count } = await db.notification.updateMany({
    where: { id: input.notificationId, userId: input.userId, readAt: null },
    data: { readAt: input.now ?? new Date() },
  });
  if (count === 1) return true;
  return (await db.notification.count({ where: { id: input.notificationId, userId: input.userId } })) === 1;
}

/** Marks every unread notification of the user read; returns how many changed. */
export async function markAllNotificationsRead(input: { userId: string; now?: Date }): Promise<number> {
  const { count } = await getDb().notification.updateMany({
    where: { userId: input.userId, readAt: null },
    data: { readAt: input.now ?? new Date() },
  });
  return count;
}

/** Where one of the user's notifications points, or null when it is not theirs. */
export function getOwnNotification(input: { userId: string; notificationId: string }) {
  return getDb().notification.findFirst({
    where: { id: input.notificationId, userId: input.userId },
    select: { id: true, link: true, readAt: true },
  });
}
