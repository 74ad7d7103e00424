import { z } from "zod";

const booleanFlag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
const positiveInt = (fallback: number, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL")
    .optional(),
  PORT: positiveInt(3000, 65535),
  HOST: z.string().min(1).optional(),
  /** Express "trust proxy": "false" (use the socket address), a hop count, or addresses/subnets. */
  TRUST_PROXY: z.string().default("false"),
  /** Public origin (https://host) when the app runs behind a proxy that rewrites Host. */
  APP_ORIGIN: z.string().url().optional(),
  /** Defaults to true in production; false lets a demo run over plain http on a LAN. */
  COOKIE_SECURE: booleanFlag.optional(),
  SESSION_IDLE_MINUTES: positiveInt(120, 24 * 60),
  SESSION_ABSOLUTE_HOURS: positiveInt(12, 24 * 30),
  DB_POOL_MAX: positiveInt(10, 200),
  DB_CONNECTION_TIMEOUT_MS: positiveInt(5000, 60_000),
  /** Longest wait of one statement for a lock (PostgreSQL lock_timeout); 0 = no limit. */
  DB_LOCK_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** Longest run of one statement (PostgreSQL statement_timeout); 0 = no limit. */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  /** Requests one API token may make per minute (fixed window, shared by every server). */
  API_RATE_LIMIT_PER_MINUTE: positiveInt(600, 1_000_000),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Parses process.env once; a bad variable stops start-up with a message naming it. */
export function getEnv(): Env {
  if (cached) return cached;
  const result = envSchema.safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
      .join("; ");
    throw new Error(`Invalid environment variable ${problems}`);
  }
  cached = result.data;
  return cached;
}

/** Forgets the parsed values; the start script calls it after it sets DATABASE_URL. */
export function refreshEnv(): Env {
  cached = undefined;
  return getEnv();
}

export function isProduction(): boolean {
  return getEnv().NODE_ENV === "production";
}

export function secureCookies(): boolean {
  return getEnv().COOKIE_SECURE ?? isProduction();
}
