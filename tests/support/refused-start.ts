import { expect } from "vitest";
import { spawnServer } from "./server";

/** Waits for a server that should refuse to start; fails the test if it keeps running. */
export async function refusedStart(env: Record<string, string | undefined>) {
  const server = await spawnServer({ env });
  try {
    const exit = await Promise.race([
      server.exited,
      new Promise<"still running">((resolve) => setTimeout(() => resolve("still running"), 20_000)),
    ]);
    expect(exit, `the server kept running; its output:\n${server.output()}`).not.toBe("still running");
    expect(exit).not.toMatchObject({ code: 0 });
    // the log is JSON lines; an operator's mistake is said in the message, without a stack trace
    const entries = server
      .output()
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as { msg: string; error?: unknown });
    const messages = entries.map((entry) => entry.msg).join("\n");
    expect(messages).toContain("Kring kan niet starten");
    expect(entries.filter((entry) => entry.error !== undefined)).toEqual([]);
    return messages;
  } finally {
    await server.stop();
  }
}
