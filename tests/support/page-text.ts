import type { TestApp } from "./test-app";

/** A page's HTML with the entities React escapes turned back into characters, so tests can look for plain text. */
export function textOf(html: string): string {
  return html
    .replace(/<!-- -->/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&");
}

/** A GET as the signed-in user of `cookie`: the status and the page as text. */
export async function fetchPageText(app: TestApp, path: string, cookie: string): Promise<{ status: number; text: string }> {
  const response = await app.request(path, { cookie });
  return { status: response.status, text: textOf(await response.text()) };
}
