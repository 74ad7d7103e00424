import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleDataRequestFunction, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream, renderToStaticMarkup } from "react-dom/server";
import { ServiceUnavailableDocument } from "~/components/error-boundary";
import { NonceProvider } from "~/components/nonce";
import { isDatabaseUnavailable } from "~/utils/db.server";
import { describeError, log } from "~/utils/logger.server";
import { currentRequestContext } from "~/utils/request-context.server";

const ABORT_DELAY_MS = 5_000;
export const streamTimeout = ABORT_DELAY_MS;

/** A database that cannot be reached (or a saturated pool) is a 503, not a 500. */
function statusFor(status: number, headers: Headers): number {
  if (status >= 500 && currentRequestContext()?.databaseUnavailable) {
    headers.set("Retry-After", "5");
    return 503;
  }
  return status;
}

/**
 * The page for a document request that failed because the database is unavailable. The
 * app's error boundary cannot say so: in production Remix hands it a sanitized error
 * ("Unexpected Server Error") whatever the cause, so it would read as a 500.
 */
function serviceUnavailablePage(request: Request, remixContext: EntryContext, headers: Headers): Response {
  const stylesheet = remixContext.routeModules.root?.links?.().find(
    (link): link is { rel: string; href: string } => "rel" in link && link.rel === "stylesheet" && typeof link.href === "string",
  );
  const url = new URL(request.url);
  headers.set("Content-Type", "text/html; charset=utf-8");
  headers.set("Cache-Control", "no-store");
  headers.set("Retry-After", "5");
  const html = renderToStaticMarkup(<ServiceUnavailableDocument stylesheetHref={stylesheet?.href} retryHref={url.pathname + url.search} />);
  return new Response(`<!DOCTYPE html>${html}`, { status: 503, headers });
}

/** The status of a thrown Response or route error response (a 403, a 404), else undefined. */
function statusOfThrownResponse(error: unknown): number | undefined {
  if (error instanceof Response || isRouteErrorResponse(error)) return error.status;
  return undefined;
}

export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  const path = new URL(request.url).pathname;
  if (isDatabaseUnavailable(error)) {
    const context = currentRequestContext();
    if (context) context.databaseUnavailable = true;
    log("warn", "database unavailable", { path });
    return;
  }
  const status = statusOfThrownResponse(error);
  // A refusal (403, 404, 405) is an answer, not a fault: the request log line has it too.
  if (status !== undefined && status < 500) return log("info", "request refused", { path, status });
  log("error", "unhandled error", { path, ...(status === undefined ? describeError(error) : { status }) });
};

export const handleDataRequest: HandleDataRequestFunction = (response) => {
  const status = statusFor(response.status, response.headers);
  if (status === response.status) return response;
  return new Response(response.body, { status, headers: response.headers });
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  if (responseStatusCode >= 500 && currentRequestContext()?.databaseUnavailable) {
    return serviceUnavailablePage(request, remixContext, responseHeaders);
  }
  const nonce = loadContext.cspNonce;
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY_MS} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: statusFor(responseStatusCode, responseHeaders),
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell are already reported through handleError.
          if (shellRendered) log("error", "render error", describeError(error));
        },
      },
    );
    setTimeout(abort, ABORT_DELAY_MS + 1000);
  });
}
