import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireUser } from "~/auth/permissions.server";
import type { Role } from "~/generated/prisma/enums";

const HOME_BY_ROLE: [Role, string][] = [
  ["RECRUITER", "/candidates"],
  ["INTERVIEWER", "/interviews"],
  ["ADMIN", "/admin/users"],
];

/** The start page is the main page of the user's most central role. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const home = HOME_BY_ROLE.find(([role]) => user.roles.includes(role));
  throw redirect(home ? home[1] : "/account");
}
