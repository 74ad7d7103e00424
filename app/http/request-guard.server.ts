import { getPaths } from "@conform-to/dom";
import { parse } from "@conform-to/react";

/**
 * Requests the app could only fail on, refused with a 400/415 and a plain message before any
 * loader or action runs (found by tests/integration/security-hostile-input.test.ts; each used
 * to end in a 500):
 *
 * - U+0000 (NUL) in the address or in a form field: PostgreSQL text and jsonb cannot store it
 *   (22021 / 22P05), and it never comes from typing;
 * - a non-GET body that is not a form: every action reads `request.formData()`, which throws
 *   on JSON, plain text, a missing content type or a broken multipart body;
 * - a form with a field name Conform cannot read as a path (`constructor`, `__proto__`,
 *   `a..b`, `list[x]`: `parseWithZod` throws on them), or whose Conform control fields
 *   (`__intent__`, `__state__`) hold malformed JSON or such paths.
 *
 * checkHead runs on the request line and headers (a refused body is never read, so the
 * connection stays usable); checkForm reads the form from a clone, so Remix still reads the
 * original.
 */
export type Refusal = { status: 400 | 413 | 415; message: string };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const JSON_TYPE = /^\s*application\/json\s*(;|$)/i;
const FORM_TYPES = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;
/** Far above any form of the app (a full rubric or scorecard is tens of KB). */
export const MAX_FORM_BYTES = 2 * 1024 * 1024;

const NUL_MESSAGE = "The request contains a NUL character (U+0000), which cannot be stored. Remove it and try again.";

/** What can be refused from the request line and headers alone, before the body is touched. */
export function checkHead(head: {
  method: string;
  url: string;
  contentType?: string;
  contentLength?: string;
  transferEncoding?: string;
}): Refusal | null {
  if (/%00/.test(head.url)) return { status: 400, message: NUL_MESSAGE };
  if (SAFE_METHODS.has(head.method)) return null;
  if (isApiPath(head.url)) {
    if (!JSON_TYPE.test(head.contentType ?? "") && !isBodilessWithoutType(head)) {
      return { status: 415, message: "Send the request body as application/json." };
    }
  } else if (!FORM_TYPES.test(head.contentType ?? "") && !isBodilessWithoutType(head)) {
    return { status: 415, message: "Send the form as application/x-www-form-urlencoded or multipart/form-data." };
  }
  if (Number(head.contentLength ?? 0) > MAX_FORM_BYTES) return { status: 413, message: "The form is too large." };
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

/** The form itself, read from a clone (a request that passed checkHead). */
export async function checkForm(request: Request): Promise<Refusal | null> {
  if (SAFE_METHODS.has(request.method) || isApiPath(new URL(request.url).pathname)) return null;
  let form: FormData;
  try {
    form = await request.clone().formData();
  } catch {
    return { status: 400, message: "The form could not be read. Reload the page and try again." };
  }
  for (const [name, value] of form) {
    if (name.includes("\u0000") || (typeof value === "string" && value.includes("\u0000"))) return { status: 400, message: NUL_MESSAGE };
    if (!isReadableFieldName(name)) return { status: 400, message: "The form has a field name that no page of this app sends. Reload the page and try again." };
  }
  if (form.has("__intent__") || form.has("__state__")) {
    try {
      parse(form, { resolve: () => ({ value: {} }) }).reply();
    } catch {
      return { status: 400, message: "The form could not be read. Reload the page and try again." };
    }
  }
  return null;
}

function isReadableFieldName(name: string): boolean {
  try {
    getPaths(name);
    return true;
  } catch {
    return false;
  }
}
