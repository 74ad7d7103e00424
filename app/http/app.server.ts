import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import type { ViteDevServer } from "vite";
import type { Env } from "~/utils/env.server";
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
 * Files directly in the client build (public/ copied at build time), with a 1 h cache.
 * express.static checks the file system (a stat, then a miss) for every request it sees,
 * and at the root that is every page and data request. What the build put there does not
 * change while the server runs, so the top-level names are listed once and only requests
 * under one of them reach express.static; the others skip it, as its miss did before.
 * assets/ is served by its own handler above (a miss there would miss here too).
 */
function rootStaticFiles(clientDir: string): express.RequestHandler {
  const serve = express.static(clientDir, { maxAge: "1h", index: false });
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
      express.static(path.join(source.clientDir, "assets"), { immutable: true, maxAge: "1y", index: false }),
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
  return app;
}
