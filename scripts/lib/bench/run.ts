import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import type { RunningServer } from "./server";

const root = path.resolve(import.meta.dirname, "..", "..", "..");

/**
 * What a command-line run that owns a server and a database (bench, soak) needs around
 * its work: clean-ups that run once, in reverse order, on success, failure and
 * SIGINT/SIGTERM, and a synchronous last resort for the server on process exit.
 */
export interface RunLifecycle {
  /** Registers a clean-up; they run last-registered first. */
  defer(name: string, run: () => Promise<void>): void;
  /** The server to SIGKILL if the process exits without cleaning up; also deferred as "stop the server". */
  ownServer(handle: Pick<RunningServer, "stop" | "killNow">): void;
  /** Runs the clean-ups (once; later calls wait for the same run). */
  cleanUp(): Promise<void>;
  /** True after SIGINT/SIGTERM: failures from then on are the server or database going away under us. */
  interrupted(): boolean;
}

export function createRunLifecycle(): RunLifecycle {
  const cleanups: { name: string; run: () => Promise<void> }[] = [];
  let serverHandle: Pick<RunningServer, "stop" | "killNow"> | undefined;
  let cleaning: Promise<void> | undefined;
  let firstSignalAt: number | undefined;

  const cleanUp = () =>
    (cleaning ??= (async () => {
      for (const { name, run } of cleanups.reverse()) {
        try {
          await run();
        } catch (error) {
          console.error(`cleanup: could not ${name}: ${(error as Error).message}`);
        }
      }
    })());

  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    process.on(signal, () => {
      if (firstSignalAt === undefined) {
        firstSignalAt = Date.now();
        console.error(`\n${signal}: stopping the server and the database… (again in a few seconds to give up waiting)`);
        void cleanUp().finally(() => process.exit(code));
      } else if (Date.now() - firstSignalAt > 2000) {
        // A second Ctrl-C, not the copy of the first that `tsx` relays to this process.
        process.exit(code);
      }
    });
  }
  // Last resort if we exit without cleaning up (an "exit" listener must be synchronous).
  process.on("exit", () => serverHandle?.killNow());

  return {
    defer: (name, run) => void cleanups.push({ name, run }),
    ownServer(handle) {
      serverHandle = handle;
      cleanups.push({ name: "stop the server", run: () => handle.stop() });
    },
    cleanUp,
    interrupted: () => firstSignalAt !== undefined,
  };
}

/**
 * The production build the server serves; built once when missing, never rebuilt behind
 * the user's back. Throws when `npm run build` fails.
 */
export function ensureBuild(log: (message: string) => void): void {
  const serverBuild = path.join(root, "build", "server", "index.js");
  if (existsSync(serverBuild)) {
    log(`production build: ${path.relative(root, serverBuild)} (existing; run \`npm run build\` to refresh it)`);
    return;
  }
  log("production build: missing, running `npm run build`");
  const build = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0 || !existsSync(serverBuild)) throw new Error("`npm run build` failed");
}
