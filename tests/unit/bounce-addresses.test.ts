import { describe, expect, it } from "vitest";
import { parseForm } from "../../app/services/form-data";
import {
  bareAddress,
  bounceFormSchema,
  extractAddresses,
  isRecipientRefusal,
  serverAnswer,
} from "../../app/services/bounce-addresses";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};

describe("the addresses in a pasted list or file", () => {
  it("are read one per line or between commas, semicolons and spaces, each once, in lower case", () => {
    const text = " Anna.Berg@Example.org\r\njan@example.nl, piet@example.nl;kees@example.nl  ANNA.BERG@example.org\n\n";
    expect(extractAddresses(text)).toEqual({
      addresses: ["anna.berg@example.org", "jan@example.nl", "piet@example.nl", "kees@example.nl"],
      ignored: [],
    });
  });

  it("are found in a CSV file whatever its columns", () => {
    const csv = 'email,reason\n"bos-1@example.org","550 user unknown"\n<claes@example.org>,mailbox full\n';
    expect(extractAddresses(csv).addresses).toEqual(["bos-1@example.org", "claes@example.org"]);
  });

  it("are taken from a bounce report without Kring's own addresses, the mail system's or message ids", () => {
    const report = [
      "From: Mail Delivery System <MAILER-DAEMON@mx.example.net>",
      "To: Gezond Zuid-Limburg <onderzoek@gzl.example.nl>",
      "Subject: Undelivered Mail Returned to Sender",
      "",
      "This is the mail system at host mx.example.net.",
      "I'm sorry to have to inform you that your message could not be delivered.",
      "",
      "<aerts-12@example.org>: host mail.example.org[192.0.2.1] said: 550 5.1.1",
      "    <aerts-12@example.org>: Recipient address rejected: User unknown (in reply to RCPT TO command)",
      "",
      "Final-Recipient: rfc822; aerts-12@example.org",
      "Action: failed",
      "Status: 5.1.1",
      "Message-ID: <kring.12.0a1b2c3d4e5f6071@gzl.example.nl>",
      "References:",
      " <other.id@mx.example.net>",
      "List-Unsubscribe: <https://kring.example.nl/afmelden/abc>, <mailto:onderzoek@gzl.example.nl?subject=afmelden>",
      "Postmaster: postmaster@example.org.",
    ].join("\n");
    expect(extractAddresses(report, ["onderzoek@gzl.example.nl"])).toEqual({
      addresses: ["aerts-12@example.org"],
      ignored: ["mailer-daemon@mx.example.net", "onderzoek@gzl.example.nl", "postmaster@example.org"],
    });
  });

  it("are none in text without an address", () => {
    expect(extractAddresses("geen adressen hier, alleen @ en example.org").addresses).toEqual([]);
    expect(extractAddresses("").addresses).toEqual([]);
  });

  it("of Kring itself are read from MAIL_FROM as written there", () => {
    expect(bareAddress("Gezond Zuid-Limburg <Onderzoek@GZL.example.nl>")).toBe("onderzoek@gzl.example.nl");
    expect(bareAddress(" kring@localhost ")).toBe("kring@localhost");
  });
});

describe("the form of bounced addresses", () => {
  it("takes the pasted text as it is and an optional reason of at most 200 characters", () => {
    expect(parseForm(bounceFormSchema, form({ intent: "bounces", addresses: "a@example.org", reason: " " }))).toEqual({
      ok: true,
      data: { intent: "bounces", addresses: "a@example.org", reason: null },
    });
    expect(parseForm(bounceFormSchema, form({ intent: "bounces" }))).toMatchObject({
      ok: true,
      data: { addresses: "", reason: null },
    });
    expect(parseForm(bounceFormSchema, form({ intent: "bounces", reason: "x".repeat(201) }))).toMatchObject({
      ok: false,
      errors: { reason: expect.stringContaining("tooLong") },
    });
  });
});

describe("a permanent SMTP refusal", () => {
  it("is about the address when the server refused the recipient", () => {
    expect(isRecipientRefusal("Can't send mail - all recipients were rejected: 550 No such user here")).toBe(true);
    expect(
      isRecipientRefusal(
        "Can't send mail - all recipients were rejected: 550 5.1.1 <x@example.org>: Recipient address rejected: User unknown",
      ),
    ).toBe(true);
    expect(isRecipientRefusal("Message failed for recipient x@example.org: 550 5.2.1 Mailbox disabled")).toBe(true);
  });

  it("is not about the address when the server refused Kring, relaying or the content", () => {
    expect(isRecipientRefusal("Mail command failed: 553 5.7.1 Sender address rejected: not owned by user")).toBe(false);
    expect(isRecipientRefusal("Can't send mail - all recipients were rejected: 554 5.7.1 Relay access denied")).toBe(
      false,
    );
    expect(isRecipientRefusal("Can't send mail - all recipients were rejected: 550 relay not permitted")).toBe(false);
    expect(isRecipientRefusal("Message failed: 554 5.7.1 Message rejected as spam")).toBe(false);
    expect(isRecipientRefusal("Message failed: 552 5.3.4 Message too big")).toBe(false);
  });

  it("is recorded with the server's own answer", () => {
    expect(serverAnswer("Can't send mail - all recipients were rejected: 550 No such user here")).toBe(
      "550 No such user here",
    );
    expect(serverAnswer("550-5.1.1 The email account does not exist")).toBe(
      "550-5.1.1 The email account does not exist",
    );
    expect(serverAnswer("something odd")).toBe("something odd");
  });
});
