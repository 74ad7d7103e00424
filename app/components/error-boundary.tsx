import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

const TITLES: Record<number, string> = {
  400: "That request could not be understood",
  403: "You do not have access to this page",
  404: "Not found",
  409: "Changed elsewhere",
  429: "Too many requests",
  503: "The service is busy",
};

/** The one error page every route uses: a clear title per status, no stack traces. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const detail = isRouteErrorResponse(error) && typeof error.data === "string" ? error.data : null;
  const title = TITLES[status] ?? "Something went wrong";
  return (
    <main className="mx-auto max-w-xl p-8" role="alert">
      <p className="text-sm font-semibold text-slate-500">Error {status}</p>
      <h1 className="mt-1 text-2xl font-bold text-slate-900">{title}</h1>
      {detail && detail !== title ? <p className="mt-3 text-slate-700">{detail}</p> : null}
      {status === 500 ? (
        <p className="mt-3 text-slate-700">The error was logged. Try again, or tell an admin if it keeps happening.</p>
      ) : null}
      <Link to="/" className="mt-6 inline-block text-indigo-700 underline">
        Back to the start page
      </Link>
    </main>
  );
}
