import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { SMTPServer } from "smtp-server";

/**
 * The benchmark's SMTP server on loopback: a real SMTP server (the smtp-server package, as
 * tests/support/smtp.ts) that accepts every message and drops it without parsing, in a process of
 * its own, so the harness is not what limits the rate measured. It counts the messages and the
 * recipients it saw more than once (a message delivered twice would be one).
 */

interface Counts {
  messages: number;
  /** recipients who received more than one message since the last reset */
  duplicates: number;
}

type Request = { type: "count" } | { type: "reset" };
type Reply = ({ type: "counts" } & Counts) | { type: "listening"; port: number } | { type: "reset" };

export interface SmtpSink {
  url: string;
  counts(): Promise<Counts>;
  /** forgets what was received: the next phase counts from zero */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the sink in a child process and resolves when it listens. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const child = fork(fileURLToPath(import.meta.url), ["--sink"], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const waiting: Array<(reply: Reply) => void> = [];
  child.on("message", (reply: Reply) => waiting.shift()?.(reply));
  const next = () => new Promise<Reply>((resolve) => waiting.push(resolve));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const listening = await Promise.race([next(), exited.then(() => null)]);
  if (listening?.type !== "listening") throw new Error("the benchmark's SMTP server did not start");
  const ask = async (request: Request) => {
    const reply = next();
    child.send(request);
    return reply;
  };
  return {
    url: `smtp://127.0.0.1:${listening.port}`,
    async counts() {
      const reply = await ask({ type: "count" });
      if (reply.type !== "counts") throw new Error(`unexpected answer of the SMTP sink: ${reply.type}`);
      return { messages: reply.messages, duplicates: reply.duplicates };
    },
    async reset() {
      await ask({ type: "reset" });
    },
    async close() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** The child: listens on a free loopback port and answers the parent's questions. */
function runSink() {
  let messages = 0;
  let seen = new Set<string>();
  let duplicates = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      stream.on("end", () => {
        messages += 1;
        for (const { address } of session.envelope.rcptTo) {
          if (seen.has(address)) duplicates += 1;
          else seen.add(address);
        }
        callback();
      });
      stream.resume();
    },
  });
  server.listen(0, "127.0.0.1", () => {
    const address = server.server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    process.send!({ type: "listening", port } satisfies Reply);
  });
  process.on("message", (request: Request) => {
    if (request.type === "reset") {
      messages = 0;
      duplicates = 0;
      seen = new Set();
      process.send!({ type: "reset" } satisfies Reply);
    } else process.send!({ type: "counts", messages, duplicates } satisfies Reply);
  });
  process.on("disconnect", () => process.exit(0));
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}

if (process.argv.includes("--sink")) runSink();
