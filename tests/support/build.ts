import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (this file lives in tests/support). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const SERVER_BUILD = path.join(ROOT, "build", "index.js");
/** The bundled Express server (app/server/main.ts and what it imports), which `npm run build` writes after the Remix build. */
const SERVER_BUNDLE = path.join(ROOT, "build", "server.js");
const CLIENT_BUILD = path.join(ROOT, "public", "build");
/** What the Remix compiler reads: a change to any of these makes the build stale. */
const SOURCES = ["app", "db", "seeds", "remix.config.js", "tailwind.config.ts", "package.json"];

function newestModification(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs; // a deleted file changes its folder
  for (const name of readdirSync(entry)) newest = Math.max(newest, newestModification(path.join(entry, name)));
  return newest;
}

/** True when build/index.js, build/server.js and public/build exist and are newer than every source file. */
export function buildIsFresh(): boolean {
  if (!existsSync(SERVER_BUILD) || !existsSync(SERVER_BUNDLE) || !existsSync(CLIENT_BUILD)) return false;
  const built = Math.min(statSync(SERVER_BUILD).mtimeMs, statSync(SERVER_BUNDLE).mtimeMs);
  return SOURCES.every((source) => newestModification(path.join(ROOT, source)) < built);
}

export interface BuildResult {
  ok: boolean;
  /** what the compiler printed (stdout and stderr interleaved) */
  output: string;
  durationMs: number;
}

/** Runs `npm run build` (the Remix build, then the server bundle) quietly; the output is returned rather than printed. */
export function runBuild(): Promise<BuildResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "build", "--silent"], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", (error) =>
      resolve({ ok: false, output: `${output}${error.message}\n`, durationMs: Date.now() - started }),
    );
    child.on("close", (code) => resolve({ ok: code === 0, output, durationMs: Date.now() - started }));
  });
}

/** Builds unless the build is fresh; throws with the compiler's output when the build fails. */
export async function ensureBuild(): Promise<"fresh" | "built"> {
  if (buildIsFresh()) return "fresh";
  const result = await runBuild();
  if (!result.ok) throw new Error(`npm run build is mislukt / failed:\n${result.output}`);
  return "built";
}
