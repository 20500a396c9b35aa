import type { UserRole } from "../../db/schema";

export interface PrintedAccount {
  role: UserRole;
  email: string;
  password: string;
  /** the region's name, or "hele netwerk" for a network-wide role */
  region: string;
}

/** The demo accounts as the server prints them once at its first start (seeds/load.ts describeDemoAccounts). */
export function printedAccounts(output: string): PrintedAccount[] {
  // the server's log is JSON lines: the accounts table is one line's message
  const messages = output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => (JSON.parse(line) as { msg: string }).msg)
    .join("\n");
  return [
    ...messages.matchAll(/^\s+(beheerder|redacteur|onderzoeker|lezer)\s+(\S+@example\.org)\s+(\S+)\s+(\S.*?)\s*$/gm),
  ].map((match) => ({
    role: match[1] as UserRole,
    email: match[2]!,
    password: match[3]!,
    region: match[4]!,
  }));
}
