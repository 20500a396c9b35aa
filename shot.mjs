import { chromium } from "playwright-core";
const pw = process.argv[2];
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-background-networking","--disable-component-update","--disable-sync","--no-first-run"] });
const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
const base = "http://127.0.0.1:3999";
await page.goto(base + "/login");
await page.locator("#login-email").fill("beheerder@example.org");
await page.locator("#login-password").fill(pw);
await page.getByRole("button", { name: /inloggen/i }).click();
await page.waitForLoadState("networkidle");
const shots = [["personen-dubbelen","/personen/dubbelen"],["importeren","/importeren"],["netwerk","/netwerk?datum=2025-10-01"],["kaart","/netwerk/kaart"]];
for (const [name, url] of shots) { await page.goto(base+url); await page.waitForTimeout(2500); await page.screenshot({ path: `/tmp/shot/${name}.png`, fullPage: false }); }
await browser.close();
