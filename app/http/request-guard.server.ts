import type { Readable } from "node:stream";
import { getPaths } from "@conform-to/dom";
import { parse } from "@conform-to/react";

/**
 * Requests the app could only fail on, refused with a 4xx and a plain message before any
 * loader or action runs (found by tests/integration/security-hostile-input.test.ts; each used
 * to end in a 500, or worse):
 *
 * - a method the app does not serve (TRACE, PROPFIND, PUT, …): the app's forms only GET and
 *   POST, and Fetch cannot even build a Request for some (TRACE, CONNECT);
 * - a legacy `?_data=` request: this app uses single fetch, where Remix fails on them;
 * - U+0000 (NUL) in the address or in a form field: PostgreSQL text and jsonb cannot store it
 *   (22021 / 22P05), and it never comes from typing;
 * - a non-GET body that is not a form: every action reads `request.formData()`, which throws
 *   on JSON, plain text, a missing content type or a broken multipart body;
 * - a body over MAX_FORM_BYTES, whether announced by Content-Length or streamed (chunked):
 *   counted while it is read, and no more of it is read once the limit is crossed;
 * - a form whose field names exceed FORM_SHAPE_LIMITS: Conform turns `email[100000000]` into
 *   an array of that length and `a[0][0]…` 5,000 deep into as many nested objects (out of
 *   memory, stack overflow). Checked with a plain scan of each name before Conform sees it;
 * - a field name Conform cannot read as a path (`constructor`, `__proto__`, `a..b`,
 *   `list[x]`: `parseWithZod` throws on them), or Conform control fields (`__intent__`,
 *   `__state__`) holding malformed JSON, JSON nested deeper than the same depth bound, such
 *   paths or out-of-bounds list positions.
 *
 * checkHead runs on the request line and headers; readBodyWithin reads the body once
 * (bounded), and checkForm checks the form from a clone, so Remix still reads the original.
 */
export type Refusal = { status: 400 | 405 | 413 | 415; message: string };

/** The methods the app's pages serve; anything else is a 405 (with an Allow header). The REST API answers its own. */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST"] as const;
const SAFE_METHODS = new Set(["GET", "HEAD"]);
const JSON_TYPE = /^\s*application\/json\s*(;|$)/i;
const FORM_TYPES = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;
/** Far above any form of the app (a full rubric or scorecard is tens of KB). */
export const MAX_FORM_BYTES = 2 * 1024 * 1024;

/**
 * Bounds on the shape of a form, each far above what the app's largest forms send:
 * - the rubric editor (the largest form): 6 criteria × (key, title, weight, what to look
 *   for, 4 anchors, up to 10 questions) + intent/draftId/version ≈ 110 fields; the deepest and
 *   most-indexed name is `criteria[5].questions[9]` (depth 4, index 9), anchors go to [3];
 * - the policy editor: ≈ 60 fields, `policy.scoreLevels.IC4.minMean` (depth 4);
 * - the scorecard: `ratings.<criterion key>.evidence`, a key being at most 60 characters
 *   (≈ 80 characters in all).
 */
export const FORM_SHAPE_LIMITS = {
  maxFields: 1_000,
  maxNameLength: 200,
  /** Path segments: `a.b[0]` has 3. */
  maxDepth: 8,
  /** The largest list position, `[1000]`. */
  maxIndex: 1_000,
} as const;

const NUL_MESSAGE = "The request contains a NUL character (U+0000), which cannot be stored. Remove it and try again.";
const UNREADABLE: Refusal = { status: 400, message: "The form could not be read. Reload the page and try again." };
const UNKNOWN_FIELD: Refusal = {
  status: 400,
  message: "The form has a field name that no page of this app sends. Reload the page and try again.",
};
const OUT_OF_SHAPE: Refusal = {
  status: 400,
  message: "The form has more fields, or longer or more deeply nested field names, than any page of this app sends. Reload the page and try again.",
};
export const TOO_LARGE: Refusal = { status: 413, message: "The form is too large." };

/** What can be refused from the request line and headers alone, before the body is touched. */
export function checkHead(head: {
  method: string;
  url: string;
  contentType?: string;
  contentLength?: string;
  transferEncoding?: string;
}): Refusal | null {
  if (!isApiPath(head.url) && !(ALLOWED_METHODS as readonly string[]).includes(head.method)) {
    return { status: 405, message: `This address answers ${ALLOWED_METHODS.join(", ")} only.` };
  }
  if (/%00/.test(head.url)) return { status: 400, message: NUL_MESSAGE };
  if (/[?&]_data(=|&|$)/.test(head.url)) {
    return { status: 400, message: "`?_data` requests are not supported: reload the page." };
  }
  if (SAFE_METHODS.has(head.method)) return null;
  if (isApiPath(head.url)) {
    if (!JSON_TYPE.test(head.contentType ?? "") && !isBodilessWithoutType(head)) {
      return { status: 415, message: "Send the request body as application/json." };
    }
  } else if (!FORM_TYPES.test(head.contentType ?? "") && !isBodilessWithoutType(head)) {
    return { status: 415, message: "Send the form as application/x-www-form-urlencoded or multipart/form-data." };
  }
  if (Number(head.contentLength ?? 0) > MAX_FORM_BYTES) return TOO_LARGE;
  return null;
}

/**
 * The REST API (/api/…) takes JSON and authenticates with a bearer token only, never the
 * session cookie; its handlers validate their own bodies.
 */
export function isApiPath(url: string): boolean {
  return url === "/api" || url.startsWith("/api/") || url.startsWith("/api?");
}

/** A POST with no body and no content type (a bare `fetch(url, { method: "POST" })`) reads as an empty form. */
export function isBodilessWithoutType(head: { contentType?: string; contentLength?: string; transferEncoding?: string }): boolean {
  return !head.contentType && (head.contentLength === "0" || (head.contentLength === undefined && head.transferEncoding === undefined));
}

/**
 * The body, or null as soon as more than `limit` bytes arrived (chunked bodies announce no
 * length). On null the stream is left paused, not destroyed: the caller still answers 413 on
 * the connection, and closes it.
 */
export function readBodyWithin(stream: Readable, limit: number): Promise<Buffer<ArrayBuffer> | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      stream.off("data", onData).off("end", onEnd).off("error", onError).off("close", onClose);
      stream.pause();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        stop();
        chunks.length = 0;
        return resolve(null);
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: unknown) => {
      stop();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    // A client that goes away mid-body may end the stream with only a close.
    const onClose = () => onError(new Error("The request was aborted before its body arrived."));
    stream.on("data", onData).on("end", onEnd).on("error", onError).on("close", onClose);
  });
}

/** Why a field name is refused, from a scan of the name alone (no parsing, no allocation per segment). */
export function fieldNameRefusal(name: string): Refusal | null {
  if (name.includes("\u0000")) return { status: 400, message: NUL_MESSAGE };
  if (name.length > FORM_SHAPE_LIMITS.maxNameLength) return OUT_OF_SHAPE;
  let depth = 1;
  for (let i = 0; i < name.length; i++) {
    const char = name[i];
    if (char === "." || char === "[") depth++;
    if (char === "[") {
      // Compare the digits as text first, so `[99999999999999999999]` is not read as a number.
      const close = name.indexOf("]", i);
      const digits = close === -1 ? "" : name.slice(i + 1, close);
      if (/^\d+$/.test(digits) && (digits.length > 6 || Number(digits) > FORM_SHAPE_LIMITS.maxIndex)) return OUT_OF_SHAPE;
    }
  }
  if (depth > FORM_SHAPE_LIMITS.maxDepth) return OUT_OF_SHAPE;
  return isReadableFieldName(name) ? null : UNKNOWN_FIELD;
}

/** How many fields the body holds at most, counted on the bytes before any parser builds them. */
function fieldCountBound(body: Buffer, contentType: string): number {
  const multipart = /^\s*multipart\//i.test(contentType);
  // A multipart body has one delimiter before each part and one after the last.
  const separator = multipart ? `--${/boundary="?([^";]+)"?/i.exec(contentType)?.[1] ?? ""}` : "&";
  let separators = 0;
  for (let at = body.indexOf(separator); at !== -1; at = body.indexOf(separator, at + separator.length)) separators++;
  return multipart ? separators - 1 : separators + 1;
}

/** The form itself, checked from a clone (a request that passed checkHead, with its body read). */
export async function checkForm(request: Request, body: Buffer): Promise<Refusal | null> {
  if (SAFE_METHODS.has(request.method) || isApiPath(new URL(request.url).pathname)) return null;
  if (fieldCountBound(body, request.headers.get("content-type") ?? "") > FORM_SHAPE_LIMITS.maxFields) return OUT_OF_SHAPE;
  let form: FormData;
  try {
    form = await request.clone().formData();
  } catch {
    return UNREADABLE;
  }
  let fields = 0;
  for (const [name, value] of form) {
    if (++fields > FORM_SHAPE_LIMITS.maxFields) return OUT_OF_SHAPE;
    const refusal = fieldNameRefusal(name);
    if (refusal) return refusal;
    if (typeof value === "string" && value.includes("\u0000")) return { status: 400, message: NUL_MESSAGE };
  }
  if (form.has("__intent__") || form.has("__state__")) {
    const control = [form.get("__intent__"), form.get("__state__")];
    if (control.some((text) => typeof text === "string" && jsonDepth(text) > FORM_SHAPE_LIMITS.maxDepth)) return OUT_OF_SHAPE;
    if (!isBoundedIntent(form.get("__intent__"))) return UNREADABLE;
    try {
      parse(form, { resolve: () => ({ value: {} }) }).reply();
    } catch {
      return UNREADABLE;
    }
  }
  return null;
}

/**
 * Conform's list intent (`{"type":"remove","payload":{"name":"criteria","index":2}}`) names
 * a field and positions in it: the same bounds as a field name. Malformed JSON is left to
 * Conform's parser (caught above).
 */
function isBoundedIntent(intent: FormDataEntryValue | null): boolean {
  if (typeof intent !== "string") return true;
  let payload: unknown;
  try {
    payload = (JSON.parse(intent) as { payload?: unknown } | null)?.payload;
  } catch {
    return true;
  }
  if (typeof payload !== "object" || payload === null) return true;
  const { name, index, from, to } = payload as Record<string, unknown>;
  if (name !== undefined && (typeof name !== "string" || (name !== "" && fieldNameRefusal(name)))) return false;
  return [index, from, to].every(
    (position) => position === undefined || (Number.isInteger(position) && (position as number) >= 0 && (position as number) <= FORM_SHAPE_LIMITS.maxIndex),
  );
}

/**
 * How deeply a JSON text nests (`[` and `{` outside strings), read without parsing it:
 * Conform copies a control field's value into the form's payload, and a value nested
 * thousands deep overflows the stack of whatever walks it next (the reply's serializer).
 */
function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "[" || char === "{") deepest = Math.max(deepest, ++depth);
    else if (char === "]" || char === "}") depth--;
  }
  return deepest;
}

function isReadableFieldName(name: string): boolean {
  try {
    getPaths(name);
    return true;
  } catch {
    return false;
  }
}
