import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { freePort } from "./server";

/** A message as the SMTP server received it: the envelope, the raw text and the parsed message. */
export interface Received {
  to: string[];
  raw: string;
  parsed: ParsedMail;
}

/** What the server answers one recipient: accept, a temporary (4xx) or a permanent (5xx) refusal. */
export type Answer = "accept" | { code: number; text: string };

export interface TestSmtpServer {
  url: string;
  port: number;
  received: Received[];
  /** decides the answer to each RCPT TO (default: accept) */
  answer: (address: string) => Answer;
  /** ms to wait before accepting each message's data (to be in the middle of a mailing at will) */
  delayMs: number;
  close: () => Promise<void>;
}

/**
 * A real SMTP server on loopback (the smtp-server package), keeping what it receives: what the
 * mail tests send to, instead of a mock of nodemailer.
 */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const port = await freePort();
  const state: TestSmtpServer = {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received: [],
    answer: () => "accept",
    delayMs: 0,
    close: () => Promise.resolve(),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const answer = state.answer(address.address);
      if (answer === "accept") return callback();
      const refusal = new Error(answer.text) as Error & { responseCode: number };
      refusal.responseCode = answer.code;
      return callback(refusal);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
        setTimeout(() => {
          void simpleParser(raw).then((parsed) => {
            state.received.push({ to, raw, parsed });
            callback();
          }, callback);
        }, state.delayMs);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  // A client killed in the middle of a message (the crash test's SIGKILL) resets its connection;
  // smtp-server reports that on the server, which goes on serving the others.
  server.on("error", () => undefined);
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}
