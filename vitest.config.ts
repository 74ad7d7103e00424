import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit and integration tests. End-to-end journeys have their own config
// (vitest.e2e.config.ts) because they need the production build and a browser.
export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  test: {
    include: ["app/**/*.test.ts", "scripts/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    // One PostgreSQL (embedded unless DATABASE_URL) with a migrated template database;
    // each test file clones its own database (tests/setup/test-database.ts).
    globalSetup: ["tests/setup/global-setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
