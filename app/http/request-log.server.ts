import type { RequestHandler } from "express";
import { log } from "~/utils/logger.server";
import { runWithRequestContext, type RequestContext } from "~/utils/request-context.server";

/**
 * One log line per request: method, path (no query string: it can hold search terms with
 * candidate names), status, duration and the signed-in user's id.
 */
export function requestLog(): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const context: RequestContext = {};
    res.on("finish", () => {
      log("info", "request", {
        method: req.method,
        // originalUrl: under a mount (/assets) req.path has lost the mount's prefix by now.
        path: req.originalUrl.split("?", 1)[0],
        status: res.statusCode,
        durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        userId: context.userId ?? null,
      });
    });
    runWithRequestContext(context, next);
  };
}
