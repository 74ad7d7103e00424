import { Form, NavLink } from "@remix-run/react";
import type { Role } from "~/generated/prisma/enums";

type NavUser = { name: string; roles: Role[]; unreadNotifications: number };

/** A link shows for a user holding its role, or any of its roles. */
const LINKS: { to: string; label: string; role: Role | Role[] }[] = [
  { to: "/interviews", label: "My interviews", role: "INTERVIEWER" },
  { to: "/candidates", label: "Candidates", role: "RECRUITER" },
  { to: "/calibration", label: "Calibration", role: ["RECRUITER", "ADMIN"] },
  { to: "/analytics", label: "Decision analytics", role: ["RECRUITER", "ADMIN"] },
  { to: "/admin/rubrics", label: "Rubrics", role: "ADMIN" },
  { to: "/admin/policy", label: "Leveling policy", role: "ADMIN" },
  { to: "/admin/users", label: "Users", role: "ADMIN" },
  { to: "/admin/api-tokens", label: "API tokens", role: "ADMIN" },
  { to: "/admin/webhooks", label: "Webhooks", role: "ADMIN" },
  { to: "/admin/audit", label: "Audit log", role: "ADMIN" },
];

/** Shows what the user's roles allow; the server enforces the same rules on every route. */
export function AppNav({ user }: { user: NavUser }) {
  const links = LINKS.filter((link) => [link.role].flat().some((role) => user.roles.includes(role)));
  return (
    <header className="no-print border-b border-slate-200 bg-white">
      <nav aria-label="Main" className="mx-auto flex max-w-6xl items-center gap-6 px-4 py-3">
        <NavLink to="/" className="font-semibold text-slate-900">
          ML Leveling
        </NavLink>
        <ul className="flex flex-1 gap-4 text-sm">
          {links.map((link) => (
            <li key={link.to}>
              <NavLink
                to={link.to}
                className={({ isActive }) => (isActive ? "font-semibold text-indigo-700" : "text-slate-700 hover:text-slate-900")}
              >
                {link.label}
              </NavLink>
            </li>
          ))}
        </ul>
        <NavLink
          to="/inbox"
          className={({ isActive }) => `text-sm ${isActive ? "font-semibold text-indigo-700" : "text-slate-700 hover:text-slate-900"}`}
        >
          Inbox
          {user.unreadNotifications > 0 ? (
            <span className="ml-1 rounded-full bg-red-600 px-1.5 py-0.5 text-xs font-semibold text-white" data-testid="unread-count">
              {user.unreadNotifications > 99 ? "99+" : user.unreadNotifications}
              <span className="sr-only"> unread</span>
            </span>
          ) : null}
        </NavLink>
        <NavLink to="/account" className="text-sm text-slate-700 hover:text-slate-900">
          {user.name}
        </NavLink>
        <Form method="post" action="/logout">
          <button type="submit" className="text-sm text-slate-700 underline hover:text-slate-900">
            Sign out
          </button>
        </Form>
      </nav>
    </header>
  );
}
