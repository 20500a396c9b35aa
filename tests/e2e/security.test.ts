import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nl } from "../../app/i18n/nl/index";
import { ROUTE_ACCESS } from "../../app/auth/route-access";
import { MAX_BODY_BYTES } from "../../app/server/security";
import { SESSION_COOKIE } from "../../app/auth/session.server";
import { ROUTE_FILES, routeIdOf, urlOf } from "../support/route-files";
import { type RunningServer, startServer } from "../support/server";

/** A fresh server's register has no region: /setup asks for the first one with the first account. */
const FIRST_REGION = { regionName: "Zuid-Limburg", regionCode: "zuid-limburg" };

/**
 * Every route with an action, at an address of its shape. The unsubscribe link's token is not of a
 * signed token's shape here, so the one exemption (tests/unit/same-origin.test.ts) does not apply.
 */
const ACTION_PATHS = ROUTE_FILES.filter(
  (file) => "action" in ROUTE_ACCESS[routeIdOf(file) as keyof typeof ROUTE_ACCESS],
).map(
  (file) =>
    urlOf(file, {
      personId: "1",
      bodyId: "1",
      seatId: "1",
      meetingId: "1",
      organisationId: "1",
      planId: "1",
      themeId: "1",
      userId: "1",
      waveId: "1",
      batchId: "1",
      sampleId: "1",
      regionId: "1",
      soort: "uitnodiging",
      kind: "csv",
      token: "geen-token",
    }).path,
);

/** Login targets that must not lead off the site, whatever a browser makes of them. */
const FOREIGN_TARGETS = [
  "//evil.example",
  "/\\evil.example",
  "https://evil.example/",
  "javascript:alert(1)",
  "%2F%2Fevil.example",
  "/%2F%2Fevil.example",
  "/%5C%5Cevil.example",
  "/\t/evil.example",
  "/\r\n/evil.example",
  "/\r\nSet-Cookie: x=1",
];

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

  it("tells caches to keep no page and no loader data", async () => {
    for (const path of [SOME_PAGE, "/setup", `/setup?_data=${encodeURIComponent("routes/setup")}`]) {
      const response = await fetch(`${server.url}${path}`, { redirect: "manual" });
      expect(response.headers.get("cache-control"), path).toBe("private, no-store");
    }
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

  it.each(ACTION_PATHS)("refuses a POST to %s from another origin, or with only a foreign Referer", async (path) => {
    const foreign: Record<string, string>[] = [
      { Origin: "https://evil.example" },
      { Referer: "https://evil.example/form" },
    ];
    for (const headers of foreign) {
      const response = await fetch(`${server.url}${path}`, {
        method: "POST",
        redirect: "manual",
        headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
        body: "intent=save",
      });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(await response.text()).toContain("Verzoek geweigerd");
    }
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

  it("refuses a form over the size limit with 413 before reading it", async () => {
    const response = await fetch(`${server.url}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=a&".repeat(Math.ceil((MAX_BODY_BYTES + 1) / "email=a&".length)),
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("hoogstens 1 MB");
  });

  it("answers the next requests at once after an answer that left a posted form unread", async () => {
    // with no accounts, /login sends a visitor to /setup without reading the form
    const unread = await fetch(`${server.url}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=a&".repeat(60_000),
    });
    expect(unread.status).toBe(302);
    for (let i = 0; i < 3; i++) {
      const next = await fetch(`${server.url}/status`, { signal: AbortSignal.timeout(2_000) });
      expect(next.status).toBe(200);
    }
  });

  it.each([
    { kind: "JSON", type: "application/json", body: '{"email":"a@example.org"}', status: 415 },
    { kind: "plain text", type: "text/plain", body: "email=a@example.org", status: 415 },
    { kind: "untyped", type: null, body: "email=a@example.org", status: 415 },
    { kind: "boundaryless multipart", type: "multipart/form-data", body: "--x\r\n", status: 400 },
  ])("refuses a $kind body on /login with $status, not a server error", async ({ type, body, status }) => {
    const headers: Record<string, string> = { Origin: server.url };
    if (type) headers["Content-Type"] = type;
    const response = await fetch(`${server.url}/login`, {
      method: "POST",
      redirect: "manual",
      headers,
      body: new Blob([body], { type: type ?? "" }),
    });
    expect(response.status).toBe(status);
    expect(await response.text()).toContain("Verzoek geweigerd");
  });

  it("refuses a body of unstated length with 411", async () => {
    const { status } = await new Promise<{ status: number | undefined }>((resolve, reject) => {
      const post = request(`${server.url}/login`, {
        method: "POST",
        headers: {
          Origin: server.url,
          "Content-Type": "application/x-www-form-urlencoded",
          "Transfer-Encoding": "chunked",
        },
      });
      post.on("response", (res) => {
        res.resume();
        resolve({ status: res.statusCode });
      });
      post.on("error", reject);
      post.write("email=a&");
      post.end();
    });
    expect(status).toBe(411);
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

  it("marks the session cookie Secure behind https, and its blank on logout too", async () => {
    const host = new URL(server.url).host;
    const headers = {
      Origin: `https://${host}`,
      "X-Forwarded-Proto": "https",
      "Content-Type": "application/x-www-form-urlencoded",
    };
    const password = "een lang genoeg wachtwoord";
    const setup = await fetch(`${server.url}/setup`, {
      method: "POST",
      redirect: "manual",
      headers,
      body: new URLSearchParams({
        name: "Beheer",
        email: "proxy@example.org",
        password,
        passwordConfirm: password,
        ...FIRST_REGION,
      }),
    });
    const cookie = setup.headers.get("set-cookie") ?? "";
    expect(cookie.split(/;\s*/)).toEqual(expect.arrayContaining(["HttpOnly", "SameSite=Lax", "Path=/", "Secure"]));
    const logout = await fetch(`${server.url}/logout`, {
      method: "POST",
      redirect: "manual",
      headers: { ...headers, Cookie: cookie.split(";")[0]! },
    });
    expect((logout.headers.get("set-cookie") ?? "").split(/;\s*/)).toEqual(
      expect.arrayContaining(["Max-Age=0", "Secure"]),
    );
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

describe("a login form of one field repeated to just under the size limit", () => {
  let server: RunningServer;
  const post = (path: string, body: string) =>
    fetch(`${server.url}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
      body,
    });
  beforeAll(async () => {
    server = await startServer();
    // an account, so that /login reads its form instead of sending the visitor to /setup
    const password = "een lang genoeg wachtwoord";
    const setup = await post(
      "/setup",
      new URLSearchParams({
        name: "Beheer",
        email: "beheer@example.org",
        password,
        passwordConfirm: password,
        ...FIRST_REGION,
      }).toString(),
    );
    expect(setup.status).toBe(302);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("is refused at once while other requests are answered", async () => {
    // ~1 MB of "email=a&email=a…": copying the values per repeat once kept the server busy for minutes
    const repeats = Math.floor((MAX_BODY_BYTES - 100) / "email=a&".length);
    const login = post("/login", "password=x&" + "email=a&".repeat(repeats));
    const status = await fetch(`${server.url}/status`, { signal: AbortSignal.timeout(5_000) });
    expect(status.status).toBe(200);
    const answer = await login;
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain(nl.auth.login.title);
  }, 15_000);
});

describe("signing in and out on the real server", () => {
  let server: RunningServer;
  const email = "beheer@example.org";
  const password = "een lang genoeg wachtwoord";
  const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  beforeAll(async () => {
    server = await startServer();
    const setup = await post("/setup", { name: "Beheer", email, password, passwordConfirm: password, ...FIRST_REGION });
    expect(setup.status).toBe(302);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it.each(FOREIGN_TARGETS)("goes back only to the app's own paths after login, even for next=%j", async (target) => {
    const page = await fetch(`${server.url}/login?next=${encodeURIComponent(target)}`);
    // the login form carries the target on to its POST: only a path of this app, or nothing
    const carried = /<input[^>]*name="next"[^>]*value="([^"]*)"/.exec(await page.text())?.[1] ?? "";
    if (carried) expect(new URL(carried.replaceAll("&amp;", "&"), server.url).origin).toBe(server.url);
    const response = await post("/login", { email, password, next: target });
    expect(response.status).toBe(302);
    const location = response.headers.get("location") ?? "";
    expect(location).toMatch(/^\/(?![/\\])/);
    expect(location).not.toMatch(/[\r\n\t]/);
    // resolved the way a browser resolves it (tabs and newlines dropped, backslash as slash)
    expect(new URL(location, server.url).origin).toBe(server.url);
    expect(response.headers.get("set-cookie")).not.toContain("x=1");
  });

  it("sets the session cookie HttpOnly, SameSite=Lax, Path=/, not Secure over http, and clears it on logout", async () => {
    const login = await post("/login", { email, password, next: "/" });
    const cookie = login.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[^;]+;`));
    expect(cookie.split(/;\s*/)).toEqual(expect.arrayContaining(["HttpOnly", "SameSite=Lax", "Path=/"]));
    expect(cookie).not.toMatch(/;\s*Secure/i);
    const logout = await post("/logout", {}, { Cookie: cookie.split(";")[0]! });
    const blank = logout.headers.get("set-cookie") ?? "";
    expect(blank).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
    expect(blank.split(/;\s*/)).toEqual(expect.arrayContaining(["HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=0"]));
    const after = await fetch(`${server.url}/account`, {
      redirect: "manual",
      headers: { Cookie: cookie.split(";")[0]! },
    });
    expect(after.headers.get("location")).toBe("/login?next=%2Faccount");
  });
});
