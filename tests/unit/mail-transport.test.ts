import { describe, expect, it } from "vitest";
import { classifyDeliveryError, mailSettings } from "../../app/server/mail-transport.server";

describe("what a delivery error means for the sender", () => {
  it("reads the SMTP server's answer: 4xx later, 5xx for good", () => {
    expect(classifyDeliveryError({ responseCode: 451, command: "RCPT TO" })).toBe("temporary");
    expect(classifyDeliveryError({ responseCode: 550, command: "RCPT TO" })).toBe("permanent");
  });

  it("pauses when the server refuses Kring itself for good, before any recipient", () => {
    expect(classifyDeliveryError({ responseCode: 553, command: "MAIL FROM" })).toBe("notSent");
    expect(classifyDeliveryError({ responseCode: 535, command: "AUTH PLAIN" })).toBe("notSent");
  });

  it("tells a message that never left from one that may have arrived", () => {
    expect(classifyDeliveryError({ code: "ECONNREFUSED", command: "CONN" })).toBe("notSent");
    expect(classifyDeliveryError({ code: "ETIMEDOUT", command: "DATA" })).toBe("unknown");
    expect(classifyDeliveryError(new Error("socket hang up"))).toBe("notSent");
  });
});

describe("the mail settings", () => {
  it("write files without SMTP_URL, and need MAIL_FROM with it", () => {
    expect(mailSettings({})).toMatchObject({ smtpUrl: null, from: "Kring <kring@localhost>" });
    expect(() => mailSettings({ SMTP_URL: "smtp://mail.example.nl" })).toThrow(/MAIL_FROM/);
    expect(() => mailSettings({ SMTP_URL: "http://mail.example.nl", MAIL_FROM: "a@b.nl" })).toThrow(/smtp:\/\//);
  });

  it("take DKIM only whole, and never show a password in a message", () => {
    expect(() => mailSettings({ DKIM_DOMAIN: "example.nl" })).toThrow(
      /DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY/,
    );
    expect(() => mailSettings({ SMTP_URL: "ftp://user:geheim@mail.example.nl", MAIL_FROM: "a@b.nl" })).toThrow(
      /user:\*\*\*@/,
    );
  });
});
