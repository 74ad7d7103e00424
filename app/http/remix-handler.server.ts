import {
  createRequestHandler,
  writeReadableStreamToWritable,
  type AppLoadContext,
  type ServerBuild,
} from "@remix-run/node";
import type * as express from "express";
import {
  ALLOWED_METHODS,
  checkForm,
  checkHead,
  isBodilessWithoutType,
  MAX_FORM_BYTES,
  readBodyWithin,
  TOO_LARGE,
  type Refusal,
} from "./request-guard.server";

/** How long a client refused with 413 may keep the connection before it is cut. */
const CLOSE_AFTER_413_MS = 2_000;

/**
 * The Remix request handler of @remix-run/express 2.17 (createRequestHandler, whose
 * createRemixRequest and sendRemixResponse the package does not export), with one addition:
 * checkHead(), a bounded read of the body and checkForm() refuse, before Remix runs,
 * requests the app could only fail on (see request-guard.server.ts).
 */
export function createRemixHandler(options: {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: string;
  getLoadContext: (req: express.Request, res: express.Response) => AppLoadContext;
}): express.RequestHandler {
  const handleRequest = createRequestHandler(options.build, options.mode);
  return async (req, res, next) => {
    try {
      const head = {
        method: req.method,
        url: req.originalUrl,
        contentType: req.get("content-type"),
        contentLength: req.get("content-length"),
        transferEncoding: req.get("transfer-encoding"),
      };
      const refusal = checkHead(head);
      if (refusal) return refuse(req, res, refusal);
      // POST for pages; the REST API also takes PATCH (checkHead let only those through).
      const mayHaveBody = req.method !== "GET" && req.method !== "HEAD";
      const hasBody = mayHaveBody && !isBodilessWithoutType(head);
      const body = hasBody ? await readBodyWithin(req, MAX_FORM_BYTES) : null;
      if (hasBody && !body) return refuse(req, res, TOO_LARGE);
      const request = toFetchRequest(req, res, body);
      const form = body && (await checkForm(request, body));
      if (form) return refuse(req, res, form);
      await sendResponse(res, await handleRequest(request, options.getLoadContext(req, res)));
    } catch (error) {
      next(error);
    }
  };
}

function refuse(req: express.Request, res: express.Response, refusal: Refusal): void {
  if (refusal.status === 405) res.set("Allow", ALLOWED_METHODS.join(", "));
  if (refusal.status === 413) {
    // The rest of the body is never read: the answer goes out, then the connection is
    // ended, and cut if the client keeps sending.
    req.pause();
    res.on("finish", () => {
      req.socket.end();
      setTimeout(() => req.socket.destroy(), CLOSE_AFTER_413_MS).unref();
    });
  }
  res.status(refusal.status).type("text/plain").send(refusal.message);
}

/** The Fetch Request Remix runs on; `body` is the form already read (null: none, or an empty form). */
function toFetchRequest(req: express.Request, res: express.Response, body: Buffer<ArrayBuffer> | null): Request {
  // req.hostname has no port: take it from X-Forwarded-Host or Host, as the adapter does.
  const [, forwardedPort] = req.get("X-Forwarded-Host")?.split(":") ?? [];
  const [, hostPort] = req.get("host")?.split(":") ?? [];
  const port = [forwardedPort, hostPort].map((value) => Number.parseInt(value ?? "", 10)).find(Number.isSafeInteger) ?? "";
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  let controller: AbortController | null = new AbortController();
  const headers = new Headers();
  for (const [key, values] of Object.entries(req.headers)) {
    if (!values) continue;
    if (Array.isArray(values)) for (const value of values) headers.append(key, value);
    else headers.set(key, values);
  }
  const init: RequestInit = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    if (body) init.body = body;
    else headers.set("content-type", "application/x-www-form-urlencoded");
  }
  // Abort loaders and actions once no response can be written (close without finish).
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  return new Request(url.href, init);
}

async function sendResponse(res: express.Response, response: Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (!response.body) return void res.end();
  if (response.headers.get("Content-Type")?.match(/text\/event-stream/i)) {
    res.flushHeaders();
    return writeReadableStreamToWritable(response.body, res);
  }
  // Nothing here streams (no defer): React and turbo-stream hand over a page in many
  // small chunks, and writing each one cost a syscall; one buffer is one write.
  res.end(Buffer.from(await response.arrayBuffer()));
}
