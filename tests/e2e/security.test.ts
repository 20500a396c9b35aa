import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../support/server";

/** A page that exists for everybody without logging in and is large enough to compress: the 404 page. */
const SOME_PAGE = "/deze-pagina-bestaat-niet";

function directives(policy: string | null): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (policy ?? "").split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

describe("the security headers of the real server", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("sends a Content-Security-Policy that allows no inline script without its nonce and no framing", async () => {
    const response = await fetch(`${server.url}${SOME_PAGE}`);
    const csp = directives(response.headers.get("content-security-policy"));
    const scriptSrc = csp.get("script-src") ?? csp.get("default-src") ?? [];
    expect(scriptSrc.length).toBeGreaterThan(0);
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(scriptSrc.some((s) => s.startsWith("'nonce-"))).toBe(true);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
  });

  it("gives every response a fresh nonce, and uses it on the page's own scripts", async () => {
    const nonceOf = (r: Response) => /'nonce-([^']+)'/.exec(r.headers.get("content-security-policy") ?? "")?.[1];
    const first = await fetch(`${server.url}${SOME_PAGE}`);
    const second = await fetch(`${server.url}${SOME_PAGE}`);
    const nonce = nonceOf(first);
    expect(nonce).toBeTruthy();
    expect(nonceOf(second)).not.toBe(nonce);
    const html = await first.text();
    const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1] ?? "");
    expect(inlineScripts.length).toBeGreaterThan(0);
    for (const attributes of inlineScripts) expect(attributes).toContain(`nonce="${nonce}"`);
  });

  it("sends Referrer-Policy, X-Content-Type-Options and X-Frame-Options, and hides Express", async () => {
    const response = await fetch(`${server.url}${SOME_PAGE}`);
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-powered-by")).toBeNull();
  });

  it("compresses a page with gzip when the browser accepts it", async () => {
    // fetch() would decompress on its own and hide the header: ask with a plain request instead.
    const encoding = await new Promise<string | undefined>((resolve, reject) => {
      request(`${server.url}${SOME_PAGE}`, { headers: { "Accept-Encoding": "gzip" } }, (res) => {
        res.resume();
        resolve(res.headers["content-encoding"]);
      })
        .on("error", reject)
        .end();
    });
    expect(encoding).toBe("gzip");
  });

  it("sends no Strict-Transport-Security over plain http", async () => {
    const response = await fetch(`${server.url}${SOME_PAGE}`);
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });

  it("does not believe X-Forwarded-Proto from a client when no proxy is trusted", async () => {
    const response = await fetch(`${server.url}${SOME_PAGE}`, { headers: { "X-Forwarded-Proto": "https" } });
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });

  it("refuses a POST from another origin with 403", async () => {
    const response = await fetch(`${server.url}/taal`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: "http://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
      body: "language=en&redirectTo=/",
    });
    expect(response.status).toBe(403);
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("refuses a POST that says nothing about its origin", async () => {
    const response = await fetch(`${server.url}/taal`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "language=en&redirectTo=/",
    });
    expect(response.status).toBe(403);
  });

  it("lets a POST from its own origin through", async () => {
    const response = await fetch(`${server.url}/taal`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: "language=en&redirectTo=/",
    });
    expect(response.status).not.toBe(403);
    expect(await response.text()).not.toContain("Verzoek geweigerd");
  });

  it.each(["/\t/evil.example", "//evil.example", "/\\evil.example", "https://evil.example/"])(
    "never redirects elsewhere after switching language, even to %j",
    async (target) => {
      const response = await fetch(`${server.url}/taal`, {
        method: "POST",
        redirect: "manual",
        headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ language: "en", redirectTo: target }).toString(),
      });
      const location = response.headers.get("location");
      expect(location).toBeTruthy();
      // resolved the way a browser resolves it (tabs and newlines dropped, backslash as slash)
      expect(new URL(location ?? "", server.url).origin).toBe(server.url);
    },
  );
});

describe("behind a trusted proxy that terminates https", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ env: { TRUST_PROXY: "1" } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("sends Strict-Transport-Security when the proxy says the request came over https", async () => {
    const response = await fetch(`${server.url}${SOME_PAGE}`, { headers: { "X-Forwarded-Proto": "https" } });
    expect(response.headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
  });

  it("sends none when the proxy says the request came over plain http", async () => {
    const response = await fetch(`${server.url}${SOME_PAGE}`, { headers: { "X-Forwarded-Proto": "http" } });
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });

  it("accepts a POST whose origin is the https address the proxy serves", async () => {
    const host = new URL(server.url).host;
    const response = await fetch(`${server.url}/taal`, {
      method: "POST",
      redirect: "manual",
      headers: {
        Origin: `https://${host}`,
        "X-Forwarded-Proto": "https",
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: "language=en&redirectTo=/",
    });
    expect(response.status).not.toBe(403);
  });
});
