import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

/** What a user is told while the database cannot be reached or is saturated (HTTP 503). */
export const SERVICE_UNAVAILABLE = {
  title: "The service is temporarily unavailable",
  detail:
    "The database cannot be reached or is overloaded right now. Nothing you saved before is lost, and a scorecard " +
    "being written keeps its text in this browser. Try again in a few seconds.",
};

const TITLES: Record<number, string> = {
  400: "That request could not be understood",
  403: "You do not have access to this page",
  404: "Not found",
  409: "Changed elsewhere",
  429: "Too many requests",
  503: SERVICE_UNAVAILABLE.title,
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
      {status === 503 && !detail ? <p className="mt-3 text-slate-700">{SERVICE_UNAVAILABLE.detail}</p> : null}
      {status === 500 ? (
        <p className="mt-3 text-slate-700">The error was logged. Try again, or tell an admin if it keeps happening.</p>
      ) : null}
      <Link to="/" className="mt-6 inline-block text-indigo-700 underline">
        Back to the start page
      </Link>
    </main>
  );
}

/**
 * The whole page the server sends instead of the app when the database is unavailable
 * (entry.server.tsx): static HTML, no scripts to hydrate (they would only ask the
 * database again), the app's stylesheet, and a link that loads the page again.
 */
export function ServiceUnavailableDocument({ stylesheetHref, retryHref }: { stylesheetHref?: string; retryHref: string }) {
  return (
    <html lang="en" className="h-full bg-slate-50">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${SERVICE_UNAVAILABLE.title} · ML Leveling`}</title>
        {stylesheetHref ? <link rel="stylesheet" href={stylesheetHref} /> : null}
      </head>
      <body className="h-full font-sans text-slate-900">
        <main className="mx-auto max-w-xl p-8" role="alert">
          <p className="text-sm font-semibold text-slate-500">Error 503</p>
          <h1 className="mt-1 text-2xl font-bold text-slate-900">{SERVICE_UNAVAILABLE.title}</h1>
          <p className="mt-3 text-slate-700">{SERVICE_UNAVAILABLE.detail}</p>
          <a href={retryHref} className="mt-6 inline-block text-indigo-700 underline">
            Try again
          </a>
        </main>
      </body>
    </html>
  );
}
