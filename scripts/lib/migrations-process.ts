import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

/*
 * `applyMigrations` in a short-lived child process, for the server: Prisma's schema engine
 * is WebAssembly, and once loaded its memory (about 50 MB) stays with the process for good.
 * The server needs it for a moment at start-up; a child takes it away when it exits.
 */

const URL_VARIABLE = "MIGRATIONS_DATABASE_URL";

export function applyMigrationsInChildProcess(url: string): Promise<{ applied: string[] }> {
  return new Promise((resolve, reject) => {
    // tsx's loader by path, whatever the working directory (createRequire rather than
    // import.meta.resolve, which Vitest's module runner lacks).
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
    const child = spawn(process.execPath, ["--import", tsx, fileURLToPath(import.meta.url)], {
      env: { ...process.env, [URL_VARIABLE]: url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code === 0) resolve(JSON.parse(stdout) as { applied: string[] });
      // The child prints applyMigrations' own one-line error (it names the failed migration).
      else reject(new Error(stderr.trim() || `migrations exited with code ${code}`));
    });
  });
}

// Run as the child: apply, answer with JSON on stdout, or the error on stderr.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { applyMigrations } = await import("./migrations");
  try {
    process.stdout.write(JSON.stringify(await applyMigrations(process.env[URL_VARIABLE]!)));
  } catch (error) {
    process.stderr.write((error as Error).message);
    process.exitCode = 1;
  }
}
