import { data, redirect } from "@remix-run/node";
import { SERVICE_UNAVAILABLE } from "~/components/error-boundary";
import type { Role } from "~/generated/prisma/enums";
import { isDatabaseUnavailable } from "~/utils/db.server";
import { currentRequestContext } from "~/utils/request-context.server";
import { safeRedirectPath } from "./redirect";
import { readSessionToken, validateSessionToken, type SessionUser, type ValidSession } from "./session.server";

const sessions = new WeakMap<Request, Promise<ValidSession | null>>();

/** The session of this request, validated once however many loaders ask. */
export function getSession(request: Request): Promise<ValidSession | null> {
  let pending = sessions.get(request);
  if (!pending) {
    const token = readSessionToken(request);
    pending = token ? validateSessionToken(token).catch(refuseWhileDatabaseUnavailable) : Promise.resolve(null);
    sessions.set(request, pending);
  }
  return pending;
}

/**
 * The session check is the first query of nearly every request, so it is where an outage
 * shows. A thrown Error reaches a client-side navigation only as "Unexpected Server Error"
 * (Remix hides errors in production); a thrown 503 response reaches it with its status and
 * message, so the in-app error screen says "temporarily unavailable" too. Full page loads
 * get entry.server's static page either way (the request context is marked).
 */
function refuseWhileDatabaseUnavailable(error: unknown): never {
  if (!isDatabaseUnavailable(error)) throw error;
  const context = currentRequestContext();
  if (context) context.databaseUnavailable = true;
  throw data(SERVICE_UNAVAILABLE.detail, { status: 503, headers: { "Retry-After": "5" } });
}

export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  const session = await getSession(request);
  const context = currentRequestContext();
  if (session && context) context.userId = session.user.id;
  return session?.user ?? null;
}

function loginRedirect(request: Request): Response {
  const url = new URL(request.url);
  // Single-fetch data requests end in .data; send the user back to the page instead.
  const path = url.pathname.replace(/\.data$/, "").replace(/^\/_root$/, "/") || "/";
  const back = safeRedirectPath(path + url.search.replace(/([?&])_data=[^&]*/, "$1"));
  const search = back === "/" ? "" : `?${new URLSearchParams({ redirectTo: back })}`;
  return redirect(`/login${search}`);
}

/** Throws a redirect to the login page (401 semantics) when nobody is signed in. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getOptionalUser(request);
  if (!user) throw loginRedirect(request);
  return user;
}

export function hasRole(user: Pick<SessionUser, "roles">, role: Role): boolean {
  return user.roles.includes(role);
}

export function forbidden(message = "You do not have access to this page."): Response {
  return new Response(message, { status: 403, statusText: "Forbidden" });
}

/** Signed in and holding at least one of `roles`, or a thrown 403. */
export async function requireRole(request: Request, ...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!roles.some((role) => hasRole(user, role))) throw forbidden();
  return user;
}
