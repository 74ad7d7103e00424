import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { safeRedirectPath } from "~/auth/redirect";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import {
  getOwnNotification,
  INBOX_PAGE_SIZE,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from "~/models/notification.server";
import { formatDateTimeUtc } from "~/utils/format";
import { isUuid } from "~/utils/params";

export const meta: MetaFunction = () => [{ title: "Inbox · ML Leveling" }];

/** Every signed-in user has an inbox; it only ever holds their own notifications. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const notifications = await listNotifications(user.id);
  return {
    notifications: notifications.map((notification) => ({
      ...notification,
      createdAt: notification.createdAt.toISOString(),
      readAt: notification.readAt?.toISOString() ?? null,
    })),
    limit: INBOX_PAGE_SIZE,
  };
}

const notFound = () => new Response("Notification not found", { status: 404 });

/** The notification a form is about: one of the user's own, else 404 (someone else's looks the same as none). */
function notificationIdFrom(formData: FormData): string {
  const id = formData.get("notificationId");
  if (!isUuid(id)) throw notFound();
  return id;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  switch (intent) {
    case "mark-read": {
      if (!(await markNotificationRead({ userId: user.id, notificationId: notificationIdFrom(formData) }))) throw notFound();
      throw redirect("/inbox");
    }
    case "open": {
      // Opening a notification marks it read, then follows its link (always a path inside the app).
      const notification = await getOwnNotification({ userId: user.id, notificationId: notificationIdFrom(formData) });
      if (!notification) throw notFound();
      await markNotificationRead({ userId: user.id, notificationId: notification.id });
      throw redirect(safeRedirectPath(notification.link, "/inbox"));
    }
    case "mark-all-read": {
      await markAllNotificationsRead({ userId: user.id });
      throw redirect("/inbox");
    }
    default:
      return data({ message: "That request could not be understood. Reload the page and try again." }, { status: 400 });
  }
}

export default function InboxPage() {
  const { notifications, limit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const unread = notifications.filter((notification) => notification.readAt === null).length;
  return (
    <main className="mx-auto max-w-4xl p-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">Inbox</h1>
        {unread > 0 ? (
          <Form method="post">
            <button
              type="submit"
              name="intent"
              value="mark-all-read"
              disabled={busy}
              className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-semibold disabled:opacity-60"
            >
              Mark all read
            </button>
          </Form>
        ) : null}
      </div>
      {actionData?.message ? (
        <p role="alert" className="mt-3 rounded bg-red-50 p-2 text-sm text-red-800">
          {actionData.message}
        </p>
      ) : null}
      <p className="mt-1 text-sm text-slate-600">
        {unread === 0 ? "Nothing unread." : `${unread} unread.`} Reminders about scorecards arrive here (and by email).
        {notifications.length === limit ? ` Showing the latest ${limit}.` : ""}
      </p>
      {notifications.length === 0 ? (
        <p className="mt-6 text-slate-600">Your inbox is empty.</p>
      ) : (
        <ul className="mt-4 space-y-3" aria-label="Notifications">
          {notifications.map((notification) => {
            const isUnread = notification.readAt === null;
            return (
              <li
                key={notification.id}
                data-notification-kind={notification.kind}
                data-unread={isUnread ? "true" : "false"}
                className={`rounded-lg border p-4 ${isUnread ? "border-indigo-300 bg-white" : "border-slate-200 bg-slate-50"}`}
              >
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 className={`text-base ${isUnread ? "font-semibold" : "font-normal text-slate-700"}`}>
                    {isUnread ? <span className="mr-2 rounded bg-indigo-100 px-1.5 py-0.5 text-xs font-medium text-indigo-800">New</span> : null}
                    {notification.title}
                  </h2>
                  <span className="text-xs text-slate-500">{formatDateTimeUtc(notification.createdAt)}</span>
                </div>
                <p className="mt-1 text-sm text-slate-700">{notification.body}</p>
                <div className="mt-2 flex gap-3">
                  {notification.link ? (
                    <Form method="post">
                      <input type="hidden" name="notificationId" value={notification.id} />
                      <button type="submit" name="intent" value="open" className="text-sm text-indigo-700 underline">
                        Open
                      </button>
                    </Form>
                  ) : null}
                  {isUnread ? (
                    <Form method="post">
                      <input type="hidden" name="notificationId" value={notification.id} />
                      <button type="submit" name="intent" value="mark-read" disabled={busy} className="text-sm text-slate-700 underline">
                        Mark read
                      </button>
                    </Form>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
