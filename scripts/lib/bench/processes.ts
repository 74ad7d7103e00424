import { existsSync, readdirSync, readFileSync, readlinkSync } from "node:fs";

/**
 * Linux /proc helpers. `tsx scripts/start.ts` is a small Node process that spawns the
 * real server as its child; the numbers that matter (memory) belong to the process that
 * listens on the port, which we find by the inode of its listening socket.
 */

export function hasProc(): boolean {
  return existsSync("/proc/self/status");
}

/** Every descendant of `pid` (children, grandchildren…), from /proc/<pid>/task/<tid>/children. */
export function descendants(pid: number): number[] {
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const current = queue.shift()!;
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${current}/task`);
    } catch {
      continue; // exited meanwhile
    }
    for (const tid of tasks) {
      let children = "";
      try {
        children = readFileSync(`/proc/${current}/task/${tid}/children`, "utf8");
      } catch {
        continue;
      }
      for (const child of children.split(/\s+/).filter(Boolean).map(Number)) {
        if (!found.includes(child)) {
          found.push(child);
          queue.push(child);
        }
      }
    }
  }
  return found;
}

/** Inodes of sockets listening on `port` (IPv4 or IPv6). */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
      if (fields.length < 10) continue;
      const localPort = fields[1]!.split(":").pop();
      if (localPort === hexPort && fields[3] === "0A") inodes.add(fields[9]!);
    }
  }
  return inodes;
}

/** The process among `candidates` holding the socket that listens on `port`. */
export function processListeningOn(port: number, candidates: readonly number[]): number | undefined {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return undefined;
  for (const pid of candidates) {
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        if (inode && inodes.has(inode)) return pid;
      } catch {
        // fd closed meanwhile
      }
    }
  }
  return undefined;
}

/** A `Vm…` line of /proc/<pid>/status in MiB, e.g. VmHWM (peak resident set) or VmRSS. */
export function memoryMb(pid: number, field: "VmHWM" | "VmRSS"): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** User + system CPU seconds a process has used so far (/proc/<pid>/stat, 100 ticks a second). */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may hold spaces; fields resume after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/**
 * Waits until `pid` uses less than `threshold` of a CPU over a quarter of a second (at
 * most `timeoutMs`): after a run stops, the server still works through the requests that
 * were in flight, and the next run must not start behind them. False on time-out.
 */
export async function waitUntilIdle(pid: number, { threshold = 0.1, timeoutMs = 15_000 } = {}): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const before = cpuSeconds(pid);
    await new Promise((resolve) => setTimeout(resolve, 250));
    const after = cpuSeconds(pid);
    if (before === undefined || after === undefined) return false;
    if ((after - before) / 0.25 < threshold) return true;
  }
  return false;
}
