import type { Request, RequestHandler } from "express";
import { isApiPath } from "./request-guard.server";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function expectedOrigin(req: Request, appOrigin: string | undefined): string {
  return appOrigin ? new URL(appOrigin).origin : `${req.protocol}://${req.get("host")}`;
}

/**
 * Refuses a state-changing request unless the browser says it came from this origin:
 * `Origin` must match, `Sec-Fetch-Site` (when sent) must be same-origin, and a request
 * carrying neither is refused too. Runs before Remix, so a refused request changes nothing.
 * The REST API is exempt: it reads no cookie (a bearer token only), so a cross-site page
 * cannot act through a signed-in browser there.
 */
export function rejectCrossSiteRequests(appOrigin: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method) || isApiPath(req.path)) return next();
    const origin = req.get("origin");
    const site = req.get("sec-fetch-site");
    const originOk = origin === undefined || origin === expectedOrigin(req, appOrigin);
    const siteOk = site === undefined || site === "same-origin" || site === "none";
    if ((origin !== undefined || site !== undefined) && originOk && siteOk) return next();
    res.status(403).type("text/plain").send("Cross-site request refused.");
  };
}
