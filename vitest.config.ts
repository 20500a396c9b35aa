import { defineConfig } from "vitest/config";

/**
 * Three kinds of tests (tests/run.ts, which `npm test` runs, takes them in this order):
 * - unit: pure modules, milliseconds each;
 * - integration: real databases with the real migrations (tests/support/db.ts), copied from a
 *   template migrated once (tests/support/test-database.ts): SQLite files, or PostgreSQL databases
 *   when TEST_DATABASE_URL is set;
 * - e2e: the real built server as a child process, over HTTP and in Chromium
 *   (tests/support/server.ts, browser.ts). One file at a time in a single fork: each file
 *   starts its own server and browser.
 */
export default defineConfig({
  test: {
    pool: "forks",
    teardownTimeout: 30_000,
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/template-once.ts"],
          // argon2 password hashes (19 MiB each) and migrations on real files
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/build-once.ts", "tests/support/template-once.ts"],
          // one fork runs the files one after another: no two servers and browsers compete
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
