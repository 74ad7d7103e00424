import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import type { ViteDevServer } from "vite";
import type { Env } from "~/utils/env.server";
import { describeError, log } from "~/utils/logger.server";
import { rejectCrossSiteRequests } from "./csrf.server";
import { createRemixHandler } from "./remix-handler.server";
import { requestLog } from "./request-log.server";
import { securityHeaders } from "./security-headers.server";

type Source =
  | { kind: "build"; build: ServerBuild; clientDir: string }
  | { kind: "vite"; vite: ViteDevServer };

/** "false" → socket address only; a number → that many proxy hops; else addresses/subnets. */
export function trustProxySetting(value: string): boolean | number | string {
  if (value === "false" || value === "") return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/**
 * The Cache-Control of a served file. securityHeaders() already set `no-store` (right for
 * pages and misses), and express.static keeps a Cache-Control it finds, so a served file
 * sets its own here: this runs only when the file exists, just before it is sent.
 */
function cacheFor(cacheControl: string): (res: express.Response) => void {
  return (res) => res.setHeader("Cache-Control", cacheControl);
}

/**
 * Files directly in the client build (public/ copied at build time), with a 1 h cache.
 * express.static checks the file system (a stat, then a miss) for every request it sees,
 * and at the root that is every page and data request. What the build put there does not
 * change while the server runs, so the top-level names are listed once and only requests
 * under one of them reach express.static; the others skip it, as its miss did before.
 * assets/ is served by its own handler above (a miss there would miss here too).
 */
function rootStaticFiles(clientDir: string): express.RequestHandler {
  const serve = express.static(clientDir, { index: false, setHeaders: cacheFor("public, max-age=3600") });
  const names = new Set(existsSync(clientDir) ? readdirSync(clientDir).filter((name) => name !== "assets") : []);
  return (req, res, next) => {
    const first = req.path.split("/", 2)[1] ?? "";
    let name = first;
    try {
      name = decodeURIComponent(first);
    } catch {
      return serve(req, res, next); // malformed: let express.static answer it as before
    }
    return names.has(name) ? serve(req, res, next) : next();
  };
}

/** The Express app around the Remix handler: headers, CSRF, logs, static files. */
export function createHttpApp(env: Env, source: Source): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxySetting(env.TRUST_PROXY));

  app.use(requestLog());
  app.use(
    securityHeaders({ production: env.NODE_ENV === "production", development: source.kind === "vite" }),
  );

  if (source.kind === "vite") {
    app.use(source.vite.middlewares);
  } else {
    app.use(
      "/assets",
      // Vite names every file under assets/ after a hash of its content: a name never changes content.
      express.static(path.join(source.clientDir, "assets"), { index: false, setHeaders: cacheFor("public, max-age=31536000, immutable") }),
    );
    app.use(rootStaticFiles(source.clientDir));
  }

  app.use(rejectCrossSiteRequests(env.APP_ORIGIN));
  app.all(
    "*",
    createRemixHandler({
      build:
        source.kind === "vite"
          ? () => source.vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>
          : source.build,
      mode: env.NODE_ENV === "production" ? "production" : "development",
      getLoadContext: (req, res) => ({
        cspNonce: String(res.locals.cspNonce),
        clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
      }),
    }),
  );
  // Errors outside Remix (Remix reports its own through handleError): logged as describeError
  // words them (a database error without its message), then a plain 500.
  app.use(((error, req, res, next) => {
    if (req.socket.destroyed) return log("info", "request aborted by the client", { path: req.originalUrl.split("?", 1)[0] });
    log("error", "unhandled error", { path: req.originalUrl.split("?", 1)[0], ...describeError(error) });
    if (res.headersSent) return next(error);
    res.status(500).type("text/plain").send("Something went wrong on our side. Try again in a moment.");
  }) satisfies express.ErrorRequestHandler);
  return app;
}
