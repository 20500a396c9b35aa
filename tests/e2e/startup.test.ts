import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { spawnServer, startServer } from "../support/server";

describe("starting the server", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("creates and migrates a new database file, then listens and says where", async () => {
    const server = await startServer();
    try {
      expect(existsSync(server.databasePath)).toBe(true);
      expect(server.output()).toContain(`http://localhost:${server.port}`);
      expect(server.output()).toContain(server.databasePath);
      const response = await fetch(`${server.url}/favicon.svg`);
      expect(response.status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it("loads no demo people into a database named by DATABASE_PATH, and says so", async () => {
    // startServer names a database in a temp folder; without KRING_DEMO that is a real install
    const server = await startServer({ env: { KRING_DEMO: undefined } });
    try {
      expect(server.output()).toContain("Demonetwerk niet geladen: DATABASE_PATH");
      expect(server.output()).not.toContain("Demo-accounts");
      const first = await fetch(`${server.url}/`, { redirect: "manual" });
      expect(first.headers.get("location")).toMatch(/^\/login/);
      const login = await fetch(`${server.url}/login`, { redirect: "manual" });
      expect(login.headers.get("location")).toBe("/setup");
    } finally {
      await server.stop();
    }
  });

  it("refuses to start on a file that is not a database: exits non-zero naming the file and the cause", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "kring-garbage-"));
    dirs.push(dir);
    const file = path.join(dir, "kring.sqlite");
    writeFileSync(file, "Dit is geen database, maar een boodschappenlijst.\n".repeat(200));
    const server = await spawnServer({ env: { DATABASE_PATH: file } });
    try {
      const exit = await Promise.race([
        server.exited,
        new Promise<"still running">((resolve) => setTimeout(() => resolve("still running"), 20_000)),
      ]);
      expect(exit, `the server kept running; its output:\n${server.output()}`).not.toBe("still running");
      expect(exit).not.toMatchObject({ code: 0 });
      expect(server.output()).toContain("Kring kan niet starten");
      expect(server.output()).toContain(file);
      expect(server.output()).toMatch(/not a database/i);
      // no stack trace for an operator's mistake
      expect(server.output()).not.toMatch(/^\s+at /m);
    } finally {
      await server.stop();
    }
  });
});
