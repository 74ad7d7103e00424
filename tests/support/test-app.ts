import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createTestDatabase } from "../setup/test-database";

const root = path.resolve(import.meta.dirname, "..", "..");
const buildPath = path.join(root, "build", "server", "index.js");

export type TestApp = {
  baseUrl: string;
  /** The test database as its administrator (the app itself connects as the restricted app role). */
  databaseUrl: string;
  /** A request as a same-origin browser would send it (Origin set on mutations). */
  request(pathname: string, init?: TestRequestInit): Promise<Response>;
  close(): Promise<void>;
};

export type TestRequestInit = {
  method?: string;
  form?: Record<string, string | string[]>;
  cookie?: string;
  headers?: Record<string, string>;
  /** Override or drop (null) the Origin header a browser would send. */
  origin?: string | null;
};

/**
 * The production build behind the real Express layer (headers, CSRF, logs), on its own
 * migrated database, listening on a free port, connected as the restricted app role as
 * `npm start` is (so a missing grant fails). Needs `npm run build` first (npm test does it).
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: {
    /** The URL the app connects with, e.g. through a proxy the test can cut (tests/support/tcp-proxy.ts). */
    appDatabaseUrl?: (databaseUrl: string) => string;
  } = {},
): Promise<TestApp> {
  if (!existsSync(buildPath)) throw new Error(`No build at ${buildPath}: run \`npm run build\` first.`);
  const database = await createTestDatabase();
  const appDatabaseUrl = options.appDatabaseUrl?.(database.appUrl) ?? database.appUrl;
  Object.assign(process.env, { NODE_ENV: "production", LOG_LEVEL: "warn", DATABASE_URL: appDatabaseUrl, ...env });
  const { refreshEnv } = await import("~/utils/env.server");
  const { createHttpApp } = await import("~/http/app.server");
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  const server = createHttpApp(refreshEnv(), { kind: "build", build, clientDir: path.join(root, "build", "client") }).listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    baseUrl,
    databaseUrl: database.url,
    request(pathname, init = {}) {
      const method = init.method ?? (init.form ? "POST" : "GET");
      const headers = new Headers(init.headers);
      if (init.cookie) headers.set("Cookie", init.cookie);
      if (method !== "GET" && method !== "HEAD" && init.origin !== null) headers.set("Origin", init.origin ?? baseUrl);
      let body: URLSearchParams | undefined;
      if (init.form) {
        body = new URLSearchParams();
        for (const [key, value] of Object.entries(init.form)) {
          for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
        }
      }
      return fetch(baseUrl + pathname, { method, headers, body, redirect: "manual" });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      const { disconnectDb } = await import("~/utils/db.server");
      await disconnectDb();
      await database.drop();
    },
  };
}

/** The `name=value` pair of a Set-Cookie header, ready to send back as a Cookie header. */
export function cookieFrom(response: Response): string {
  const header = response.headers.get("set-cookie");
  if (!header) throw new Error(`No Set-Cookie on ${response.status} ${response.url}`);
  return header.split(";")[0]!;
}
