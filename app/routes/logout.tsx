import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getSession } from "~/auth/permissions.server";
import { clearedSessionCookie, invalidateSession } from "~/auth/session.server";
import { recordAudit } from "~/models/audit.server";

// Signing out changes state, so it is POST only; a GET just goes home.
export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await getSession(request);
  if (session) {
    await invalidateSession(session.sessionId);
    await recordAudit({
      actorId: session.user.id,
      action: "auth.logout",
      entityType: "User",
      entityId: session.user.id,
      ipAddress: context.clientIp,
    });
  }
  return redirect("/login", { headers: { "Set-Cookie": clearedSessionCookie() } });
}
