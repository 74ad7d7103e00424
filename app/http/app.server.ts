import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import type { ViteDevServer } from "vite";
import type { Env } from "~/utils/env.server";
import { rejectCrossSiteRequests } from "./csrf.server";
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
    app.use(express.static(source.clientDir, { maxAge: "1h", index: false }));
  }

  app.use(rejectCrossSiteRequests(env.APP_ORIGIN));
  app.all(
    "*",
    createRequestHandler({
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
