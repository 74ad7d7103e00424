import { existsSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const CHROMIUM_INSTALL_HINT =
  "No Chromium found for the browser tests. Install one with `sudo apt-get install -y chromium` " +
  "(Debian/Ubuntu; CI does this in .ci/run), or point CHROME_PATH at a Chrome/Chromium binary.";

function playwrightCacheChromium(): string | undefined {
  const cache = path.join(os.homedir(), ".cache", "ms-playwright");
  if (!existsSync(cache)) return undefined;
  for (const dir of readdirSync(cache).filter((name) => name.startsWith("chromium")).sort().reverse()) {
    for (const binary of ["chrome-linux/chrome", "chrome-linux64/chrome", "chrome-mac/Chromium.app/Contents/MacOS/Chromium"]) {
      const candidate = path.join(cache, dir, binary);
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

/** CHROME_PATH, then Debian's chromium, then Playwright's own cache; never a silent skip. */
export function findChromium(): string {
  const candidates = [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", playwrightCacheChromium()];
  const found = candidates.find((candidate): candidate is string => !!candidate && existsSync(candidate));
  if (!found) throw new Error(CHROMIUM_INSTALL_HINT);
  return found;
}

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
