import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { descendants, isAlive, processListeningOn } from "./processes";

const root = path.resolve(import.meta.dirname, "..", "..", "..");

export interface RunningServer {
  baseUrl: string;
  port: number;
  /** The `tsx` launcher we spawned. */
  launcherPid: number;
  /** The Node process that listens (the launcher's child); undefined where /proc is missing. */
  serverPid: number | undefined;
  /** The server's stdout and stderr so far (the last 200 lines). */
  output(): string;
  /** False once the launcher or the listening process has exited (a crash, or stop()). */
  alive(): boolean;
  /** SIGTERM (graceful shutdown), then SIGKILL after 10 s. Safe to call twice. */
  stop(): Promise<void>;
  /** Synchronous last resort for process "exit": SIGKILL whatever is still running. */
  killNow(): void;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * The production server exactly as `npm run serve` starts it (`tsx scripts/start.ts`),
 * with the environment a deployment would set. Resolves once /healthz answers 200.
 */
export async function startProductionServer(
  databaseUrl: string,
  options: {
    /** Called as soon as the process exists, so a Ctrl-C during start-up can still stop it. */
    onSpawned?: (handle: Pick<RunningServer, "stop" | "killNow">) => void;
    /** More environment for the server, e.g. DB_POOL_MAX for the soak's pool exhaustion. */
    env?: Record<string, string>;
  } = {},
): Promise<RunningServer> {
  const port = await freePort();
  // The reminder job runs in every server and the seeded interviews are overdue: its emails
  // go to a file of this run, not to the checkout's .data/outbox.log.
  const outbox = path.join(os.tmpdir(), `mlleveling-outbox-${process.pid}-${port}.log`);
  const lines: string[] = [];
  const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/start.ts"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      // Loopback only: a benchmark server has no business on the network.
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      MAIL_OUTBOX_FILE: outbox,
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: a Ctrl-C in the terminal reaches us, and we stop it in order.
    detached: true,
  });
  const collect = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const launcherPid = child.pid!;
  const known: { serverPid?: number } = {};

  let finished = false;
  const killNow = () => {
    if (finished) return; // never signal a pid that may have been reused since
    // The launcher's children are found while it lives; the server pid once it listened.
    const launcherAlive = child.exitCode === null && child.signalCode === null;
    const pids = new Set([...(launcherAlive ? descendants(launcherPid) : []), known.serverPid, launcherAlive ? launcherPid : undefined]);
    for (const pid of pids) {
      if (pid !== undefined && isAlive(pid)) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
    }
  };
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM"); // tsx relays it to the server, which shuts down gracefully
      const timedOut = await Promise.race([
        exited.then(() => false),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 10_000).unref()),
      ]);
      if (timedOut) {
        killNow();
        await exited;
      }
      // The launcher gone, make sure its child did not outlive it.
      if (known.serverPid !== undefined && isAlive(known.serverPid)) process.kill(known.serverPid, "SIGKILL");
      rmSync(outbox, { force: true });
    })().finally(() => {
      finished = true;
    }));

  options.onSpawned?.({ stop, killNow });

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before answering /healthz`);
      }
      if (Date.now() > deadline) throw new Error("the server did not answer /healthz within 90 s");
      const healthy = await fetch(`${baseUrl}/healthz`).then(
        (response) => response.ok,
        () => false,
      );
      if (healthy) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}; its output:\n${lines.join("\n")}`);
  }
  known.serverPid = processListeningOn(port, [launcherPid, ...descendants(launcherPid)]);
  const alive = () =>
    child.exitCode === null && child.signalCode === null && (known.serverPid === undefined || isAlive(known.serverPid));
  return { baseUrl, port, launcherPid, serverPid: known.serverPid, output: () => lines.join("\n"), alive, stop, killNow };
}
