import { getEnv } from "./env.server";

type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level | "silent", number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/**
 * One JSON object per line, so logs can be filtered by field. Callers pass only fields
 * that are safe to keep: never passwords, tokens or candidate data.
 */
export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  if (ORDER[level] < ORDER[getEnv().LOG_LEVEL]) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
  if (level === "error" || level === "warn") process.stderr.write(line + "\n");
  else process.stdout.write(line + "\n");
}

type PrismaLikeError = Error & { code?: unknown; meta?: { modelName?: unknown } };

/** A Prisma error, or one caused by it: its message quotes the query's arguments (evidence, notes, hashes). */
function prismaErrorIn(error: unknown): PrismaLikeError | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (/^Prisma|^DriverAdapterError$/.test(current.name)) return current;
  }
  return null;
}

/**
 * The fields an error is logged with. A Prisma error gives its name, code and model and the
 * stack frames, never its message (it holds the query's arguments); any other error its
 * stack. A value that is not an Error is described by its type, not `String(value)`
 * (which reads "[object Object]").
 */
export function describeError(error: unknown): Record<string, unknown> {
  const prisma = prismaErrorIn(error);
  if (prisma) {
    return {
      error: prisma.name,
      code: typeof prisma.code === "string" ? prisma.code : null,
      model: typeof prisma.meta?.modelName === "string" ? prisma.meta.modelName : null,
      stack: (prisma.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line)).join("\n"),
    };
  }
  if (error instanceof Error) return { error: error.stack ?? `${error.name}: ${error.message}` };
  return { error: `a thrown ${error === null ? "null" : typeof error}` };
}
