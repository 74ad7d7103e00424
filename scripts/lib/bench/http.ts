import { gzipSync } from "node:zlib";

/**
 * Signs in the way a browser without JavaScript does: a form POST to /login from this
 * origin (the CSRF check wants a matching Origin), answered by a redirect that sets the
 * session cookie. Returns the `name=value` pair to send back as a Cookie header, after
 * checking that it opens an authenticated page.
 */
export async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    headers: { Origin: baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password }),
    redirect: "manual",
  });
  const setCookie = response.headers.getSetCookie().find((cookie) => /session=/.test(cookie));
  if (response.status < 300 || response.status >= 400 || !setCookie) {
    throw new Error(`sign-in as ${email} answered ${response.status} without a session cookie`);
  }
  const cookie = setCookie.split(";")[0]!;
  const check = await fetch(`${baseUrl}/account`, { headers: { Cookie: cookie }, redirect: "manual" });
  if (check.status !== 200) throw new Error(`signed in as ${email}, but /account answered ${check.status}`);
  return cookie;
}

/**
 * The JavaScript a page makes the browser load before it is interactive: every
 * `<script src>`, every `<link rel="modulepreload">`, and the modules the inline entry
 * script imports (Remix's manifest, entry and route modules). Each is fetched from the
 * server and gzipped at level 9; returns the sum and the list.
 */
export async function pageJavaScriptGzipBytes(
  baseUrl: string,
  pagePath: string,
  cookie: string,
): Promise<{ bytes: number; files: { url: string; gzipBytes: number }[] }> {
  const response = await fetch(baseUrl + pagePath, { headers: { Cookie: cookie }, redirect: "manual" });
  if (response.status !== 200) throw new Error(`GET ${pagePath} answered ${response.status}`);
  const html = await response.text();
  const urls = new Set<string>();
  const add = (reference: string) => {
    const url = new URL(reference.replaceAll("&amp;", "&"), baseUrl + pagePath);
    if (url.origin === new URL(baseUrl).origin) urls.add(url.href);
  };
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (src) add(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    if (!/\brel\s*=\s*["']?modulepreload["']?/i.test(tag)) continue;
    const href = /\bhref\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (href) add(href);
  }
  // Inline module scripts: `import "/assets/manifest-….js"; import * as route0 from "…"; import("…")`.
  for (const [, body = ""] of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
    for (const [, specifier] of body.matchAll(/\bimport\s*(?:[^"'()]*?\bfrom\s*)?\(?\s*["']([^"']+\.js)["']/g)) {
      if (specifier) add(specifier);
    }
  }
  if (urls.size === 0) throw new Error(`no JavaScript found in ${pagePath}: is this a Remix page?`);

  const files: { url: string; gzipBytes: number }[] = [];
  for (const url of urls) {
    const asset = await fetch(url);
    if (!asset.ok) throw new Error(`GET ${url} answered ${asset.status}`);
    const body = Buffer.from(await asset.arrayBuffer());
    files.push({ url: new URL(url).pathname, gzipBytes: gzipSync(body, { level: 9 }).length });
  }
  return { bytes: files.reduce((sum, file) => sum + file.gzipBytes, 0), files };
}
