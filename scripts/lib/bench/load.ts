import { createRequire } from "node:module";

// autocannon 8 ships no types; these are the parts of its API used here
// (node_modules/autocannon/README.md, "API").
interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest;
}

interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  /** Seconds before a request counts as timed out (an error). */
  timeout?: number;
  /** Each connection stops after its share of this many requests. */
  maxOverallRequests?: number;
  headers?: Record<string, string>;
  requests?: AutocannonRequest[];
}

interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}

interface AutocannonInstance {
  on(event: "response", listener: (client: unknown, statusCode: number, bytes: number, responseTimeMs: number) => void): void;
  on(event: "reqError", listener: (error: Error) => void): void;
  stop(): void;
}

type Autocannon = (
  options: AutocannonOptions,
  callback: (error: Error | null, result: AutocannonResult) => void,
) => AutocannonInstance;

const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

/** What one route is asked: a fixed request, or one built per request (to cycle ids or targets). */
export interface LoadSpec {
  name: string;
  baseUrl: string;
  method?: "GET" | "POST";
  headers: Record<string, string>;
  /** Called for every request autocannon sends. */
  next: () => { path: string; body?: string };
  /** Cap on requests (e.g. the number of fresh draft-save targets left). */
  maxRequests?: number;
}

export interface LoadResult {
  name: string;
  p50Ms: number;
  p99Ms: number;
  rps: number;
  /** Non-2xx responses plus socket errors and timeouts. */
  errors: number;
  responses: number;
  durationSeconds: number;
  /** e.g. { "200": 9000, "500": 3 }, plus "socket errors" when any. */
  statusCounts: Record<string, number>;
  /** Distinct socket error messages, for the report. */
  socketErrors: string[];
}

/**
 * Runs one route with `connections` keep-alive connections for `durationSeconds`.
 * Percentiles come from every response's own time (sub-millisecond), not autocannon's
 * whole-millisecond histogram, so ratios between fast pages stay meaningful.
 */
export function runLoad(spec: LoadSpec, options: { connections: number; durationSeconds: number }): Promise<LoadResult> {
  const times: number[] = [];
  const socketErrors = new Set<string>();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.baseUrl,
        connections: options.connections,
        duration: options.durationSeconds,
        timeout: 30,
        ...(spec.maxRequests !== undefined ? { maxOverallRequests: Math.max(spec.maxRequests, options.connections) } : {}),
        requests: [
          {
            method: spec.method ?? "GET",
            headers: spec.headers,
            setupRequest: (request) => {
              const { path, body } = spec.next();
              return body === undefined ? { ...request, path } : { ...request, path, body };
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        const socketErrorCount = result.errors;
        const statusCounts: Record<string, number> = {};
        for (const [code, { count }] of Object.entries(result.statusCodeStats)) statusCounts[code] = count;
        if (socketErrorCount > 0) statusCounts["socket errors"] = socketErrorCount;
        times.sort((a, b) => a - b);
        resolve({
          name: spec.name,
          p50Ms: percentile(times, 0.5),
          p99Ms: percentile(times, 0.99),
          rps: result.duration > 0 ? times.length / result.duration : 0,
          errors: result.non2xx + socketErrorCount,
          responses: times.length,
          durationSeconds: result.duration,
          statusCounts,
          socketErrors: [...socketErrors],
        });
      },
    );
    instance.on("response", (_client, _status, _bytes, responseTimeMs) => times.push(responseTimeMs));
    instance.on("reqError", (error) => socketErrors.add(error.message));
  });
}

/** Nearest-rank percentile of sorted values; 0 when there are none. */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}
