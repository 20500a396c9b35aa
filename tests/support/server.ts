import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { DatabaseTarget } from "../../db/engine";
import { databaseTarget } from "../../db/index";
import { ROOT } from "./build";
import { databaseEnv, freshDatabase } from "./test-database";

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

/**
 * What `npm run serve` gives node (package.json): the bundled server and its heap limit, so the
 * tests run the server exactly as it is served, as one plain node process.
 */
const SERVE_ARGUMENTS = (
  JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: { serve: string } }
).scripts.serve
  .split(/\s+/)
  .slice(1);

export interface ServerOptions {
  /**
   * extra environment; KRING_DEMO=0 unless given. Without DATABASE_PATH or DATABASE_URL the server
   * gets a fresh, migrated database of the tests' engine of its own, removed by stop().
   */
  env?: Record<string, string | undefined>;
  /** how long to wait for the first HTTP answer (startServer only) */
  timeoutMs?: number;
}

export interface ServerProcess {
  url: string;
  port: number;
  /** the database it was given: open it beside the server with openMigratedDatabase */
  database: DatabaseTarget;
  /** the temp folder of this server (its outbox of .eml files), removed by stop() */
  dir: string;
  child: ChildProcess;
  /** everything the process printed so far, stdout and stderr interleaved */
  output: () => string;
  /** settles when the process has exited */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** ends the process (SIGTERM, then SIGKILL) and removes the temp folder */
  stop: () => Promise<void>;
}

/**
 * Spawns the real server (build/server.js, serving build/) on a free port with a
 * database in a fresh temp folder, without waiting for it. Use startServer unless the test is
 * about a server that must fail to start.
 */
export async function spawnServer(options: ServerOptions = {}): Promise<ServerProcess> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), "kring-server-"));
  const ownDatabase = !options.env || !("DATABASE_PATH" in options.env || "DATABASE_URL" in options.env);
  const fresh = ownDatabase ? await freshDatabase() : null;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    DATABASE_PATH: undefined,
    DATABASE_URL: undefined,
    ...(fresh ? databaseEnv(fresh.target) : {}),
    MAIL_OUTBOX_DIR: path.join(dir, "outbox"),
    KRING_DEMO: "0",
    TRUST_PROXY: undefined,
    PUBLIC_ORIGIN: undefined,
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];

  const child = spawn(process.execPath, SERVE_ARGUMENTS, {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
    child.once("error", (error) => {
      output += `${error.message}\n`;
      resolve({ code: -1, signal: null });
    });
  });

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
        await exited;
        clearTimeout(killer);
      }
      rmSync(dir, { recursive: true, force: true });
      await fresh?.drop();
    })();
    return stopped;
  };

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    database: databaseTarget(env),
    dir,
    child,
    output: () => output,
    exited,
    stop,
  };
}

export type RunningServer = ServerProcess;

/** Starts the real server and resolves once it answers HTTP; rejects with its output if it exits or hangs. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const server = await spawnServer(options);
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let exitedEarly = false;
  void server.exited.then(() => (exitedEarly = true));
  while (!exitedEarly) {
    try {
      // Any HTTP answer will do (the first page may redirect or be a 404).
      await fetch(`${server.url}/favicon.svg`, { redirect: "manual", signal: AbortSignal.timeout(2_000) });
      return server;
    } catch {
      if (Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await server.stop();
  const why = exitedEarly ? "exited before answering" : "did not answer in time";
  throw new Error(`The Kring server ${why}. Its output:\n${server.output()}`);
}
