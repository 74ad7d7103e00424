import {
  createReadableStreamFromReadable,
  createRequestHandler,
  writeReadableStreamToWritable,
  type AppLoadContext,
  type ServerBuild,
} from "@remix-run/node";
import type * as express from "express";
import { checkForm, checkHead, isBodilessWithoutType, type Refusal } from "./request-guard.server";

/**
 * The Remix request handler of @remix-run/express 2.17 (createRequestHandler, whose
 * createRemixRequest and sendRemixResponse the package does not export), with one addition:
 * checkHead() and checkForm() refuse, before Remix runs, requests the app could only fail
 * on (see request-guard.server.ts).
 */
export function createRemixHandler(options: {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: string;
  getLoadContext: (req: express.Request, res: express.Response) => AppLoadContext;
}): express.RequestHandler {
  const handleRequest = createRequestHandler(options.build, options.mode);
  return async (req, res, next) => {
    const refuse = (refusal: Refusal) => void res.status(refusal.status).type("text/plain").send(refusal.message);
    try {
      const head = {
        method: req.method,
        url: req.originalUrl,
        contentType: req.get("content-type"),
        contentLength: req.get("content-length"),
        transferEncoding: req.get("transfer-encoding"),
      };
      const refusal = checkHead(head);
      if (refusal) return refuse(refusal);
      const request = toFetchRequest(req, res, isBodilessWithoutType(head));
      const form = await checkForm(request);
      if (form) return refuse(form);
      await sendResponse(res, await handleRequest(request, options.getLoadContext(req, res)));
    } catch (error) {
      next(error);
    }
  };
}

function toFetchRequest(req: express.Request, res: express.Response, emptyForm: boolean): Request {
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
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal: controller.signal };
  if (emptyForm && req.method !== "GET" && req.method !== "HEAD") {
    headers.set("content-type", "application/x-www-form-urlencoded");
  } else if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = createReadableStreamFromReadable(req);
    init.duplex = "half";
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
