import { defineConfig } from "vitest/config";
import base from "./vitest.config";

// Browser journeys against the production build (`npm run build` first; npm test does it).
// Files run one at a time: each starts a server and a Chromium, and the CI machine has 2 cores.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["tests/e2e/**/*.e2e.test.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
