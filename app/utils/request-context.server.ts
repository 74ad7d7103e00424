import { AsyncLocalStorage } from "node:async_hooks";

/** Per-request facts the request log needs but Remix loaders cannot return to Express. */
export type RequestContext = { userId?: string; databaseUnavailable?: boolean };

// The Express layer and the Remix server build each load their own copy of this module;
// one storage on globalThis makes both see the same store.
const key = Symbol.for("ml-leveling.request-context");
const holder = globalThis as typeof globalThis & { [key]?: AsyncLocalStorage<RequestContext> };
const storage = (holder[key] ??= new AsyncLocalStorage<RequestContext>());

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}
