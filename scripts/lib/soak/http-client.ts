import http from "node:http";

/** One request and what came back: a status, or the transport error that came instead. */
export interface Exchange {
  /** What the request was for (a route name in the soak's mix). */
  op: string;
  method: string;
  path: string;
  /** 0 when no response came (refused, reset, timed out). */
  status: number;
  error?: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** performance.now() milliseconds. */
  startedAt: number;
  endedAt: number;
}

/**
 * One keep-alive HTTP connection, used by one sequential worker: a request is sent only
 * after the previous one was answered, as a browser tab that autosaves does. Unlike
 * autocannon it hands back every response's status, headers and body, which the soak
 * needs to know which saves were acknowledged. `timeoutMs` bounds a whole exchange; an
 * exchange that runs out gets status 0 and error "timed out after … ms".
 */
export class Connection {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  private readonly url: URL;

  constructor(
    baseUrl: string,
    private readonly defaults: { headers?: Record<string, string>; timeoutMs: number },
  ) {
    this.url = new URL(baseUrl);
  }

  send(
    op: string,
    method: "GET" | "POST",
    path: string,
    options: { headers?: Record<string, string>; form?: URLSearchParams } = {},
  ): Promise<Exchange> {
    const body = options.form?.toString();
    const headers: Record<string, string> = { ...this.defaults.headers, ...options.headers };
    if (body !== undefined) {
      headers["Content-Type"] = "application/x-www-form-urlencoded";
      headers["Content-Length"] = String(Buffer.byteLength(body));
      headers.Origin = this.url.origin; // the CSRF check wants a same-origin mutation
    }
    const startedAt = performance.now();
    return new Promise((resolve) => {
      let settled = false;
      const finish = (result: Omit<Exchange, "op" | "method" | "path" | "startedAt" | "endedAt">) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ op, method, path, startedAt, endedAt: performance.now(), ...result });
      };
      const request = http.request(
        { host: this.url.hostname, port: this.url.port, method, path, headers, agent: this.agent },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () =>
            finish({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }),
          );
          response.on("error", (error) => finish({ status: 0, error: error.message, headers: {}, body: "" }));
        },
      );
      const timer = setTimeout(() => {
        request.destroy(new Error(`timed out after ${this.defaults.timeoutMs} ms`));
      }, this.defaults.timeoutMs);
      request.on("error", (error) => finish({ status: 0, error: error.message, headers: {}, body: "" }));
      request.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
