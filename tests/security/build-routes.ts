import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";

const root = path.resolve(import.meta.dirname, "..", "..");
const buildPath = path.join(root, "build", "server", "index.js");

/** One route of the production build, as Remix serves it. */
export type BuiltRoute = {
  id: string;
  /** The URL pattern with its parents' segments, e.g. "/candidates/:candidateId/packet.csv". */
  pattern: string;
  index: boolean;
  hasLoader: boolean;
  hasAction: boolean;
  /** False for resource routes (CSV, health check, logout). */
  hasComponent: boolean;
};

/**
 * Every route of `build/server/index.js` (the ServerBuild `npx remix vite:build` writes):
 * the list the security tests are generated from, so a route added to the app without an
 * entry in their tables fails them.
 */
export async function loadBuildRoutes(): Promise<BuiltRoute[]> {
  if (!existsSync(buildPath)) throw new Error(`No build at ${buildPath}: run \`npx remix vite:build\` first.`);
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  const routes = build.routes;
  const patternOf = (id: string | undefined): string => {
    const route = id ? routes[id] : undefined;
    if (!route) return "";
    const parent = patternOf(route.parentId);
    return route.path ? `${parent.replace(/\/$/, "")}/${route.path}` : parent;
  };
  return Object.values(routes)
    .filter((route): route is NonNullable<typeof route> => route !== undefined)
    .map((route) => ({
      id: route.id,
      pattern: patternOf(route.id) || "/",
      index: route.index === true,
      hasLoader: typeof route.module.loader === "function",
      hasAction: typeof route.module.action === "function",
      hasComponent: typeof route.module.default === "function",
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** Does `pathname` match the route pattern (":param" = one non-empty segment)? */
export function matchesPattern(pattern: string, pathname: string): boolean {
  const split = (value: string) => value.split("/").filter(Boolean);
  const want = split(pattern);
  const got = split(pathname.split("?")[0]!);
  const matches = (segment: string, i: number) => (segment.startsWith(":") ? got[i]!.length > 0 : segment === got[i]);
  // A splat ("/api/*") matches one or more further segments.
  if (want.at(-1) === "*") return got.length >= want.length && want.slice(0, -1).every(matches);
  return want.length === got.length && want.every(matches);
}

/** The single-fetch data URL of a page URL: "/x?y" → "/x.data?y", "/" → "/_root.data". */
export function dataUrl(pageUrl: string): string {
  const [pathname, search] = pageUrl.split("?") as [string, string | undefined];
  const base = pathname === "/" ? "/_root.data" : `${pathname.replace(/\/$/, "")}.data`;
  return search ? `${base}?${search}` : base;
}

/** The source file of a route id ("routes/admin.users" → app/routes/admin.users.tsx), if found. */
export function routeSourceFile(id: string): string | null {
  for (const extension of [".tsx", ".ts", ".jsx", ".js"]) {
    const file = path.join(root, "app", `${id}${extension}`);
    if (existsSync(file)) return file;
  }
  return null;
}

/**
 * The intents a route's action visibly dispatches on, read from its source: literal
 * `intent: z.literal("x")`, `intent === "x"`, `case "x":` directly inside `switch (intent)`,
 * `name="intent" value="x"` buttons, and Conform's `__intent__` list intents. A heuristic
 * (a constant like SAVE_DRAFT_INTENT is not resolved), used only to catch an intent added to
 * a route without a row in the authorization table.
 */
export function intentsInSource(id: string): string[] {
  const file = routeSourceFile(id);
  if (!file) return [];
  const source = readFileSync(file, "utf8");
  const found = new Set<string>();
  for (const match of source.matchAll(/intent\s*:\s*z\.literal\(\s*"([^"]+)"/g)) found.add(match[1]!);
  for (const match of source.matchAll(/intent\s*===\s*"([^"]+)"/g)) found.add(match[1]!);
  for (const match of source.matchAll(/name="intent"\s+value="([^"]+)"/g)) found.add(match[1]!);
  if (source.includes('"__intent__"')) found.add("__intent__");
  for (const match of source.matchAll(/switch\s*\(\s*(?:\w+\.)?intent\s*\)\s*\{/g)) {
    let depth = 1;
    let i = match.index + match[0].length;
    for (; i < source.length && depth > 0; i++) {
      if (source[i] === "{") depth++;
      else if (source[i] === "}") depth--;
      else if (depth === 1 && source.startsWith("case ", i)) {
        const literal = /^case\s+"([^"]+)"\s*:/.exec(source.slice(i));
        if (literal) found.add(literal[1]!);
      }
    }
  }
  return [...found].sort();
}
