const BASE = "http://same.origin";

/**
 * Only same-origin paths are accepted as a destination: "//evil.com" and "/\evil.com"
 * are scheme-relative URLs to browsers, and anything absolute is refused. Control
 * characters and backslashes are refused outright because browsers drop or reinterpret
 * them. The check is made on the path as the URL parser normalises it, since dot
 * segments ("/.//evil.com", "/%2e//evil.com", "/a/..//evil.com") collapse into "//".
 */
export function safeRedirectPath(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/")) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  const path = url.pathname + url.search + url.hash;
  if (url.origin !== BASE || path.startsWith("//")) return fallback;
  return path;
}
