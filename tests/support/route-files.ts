import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./build";

/** The app's routes as Remix finds them: the files of app/routes (flat routes, decision 001). */
export const ROUTES_DIR = path.join(ROOT, "app", "routes");
export const ROUTE_FILES = readdirSync(ROUTES_DIR).filter((file) => /\.tsx?$/.test(file));

/** The Remix route id of a route file, as app/auth/route-access.ts names it. */
export const routeIdOf = (file: string) => `routes/${file.replace(/\.tsx?$/, "")}`;

/**
 * The URL of a route file with the sample value of each parameter, and the params Remix would pass:
 * `_index` is the folder's own page, a trailing `_` leaves the parent's layout, `[.ics]` is literal
 * text, and `$` alone is the splat (the 404 page).
 */
export function urlOf(file: string, samples: Record<string, string>): { path: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const segments = file
    .replace(/\.tsx?$/, "")
    .split(/\.(?![^[]*\])/)
    .map((segment) => segment.replace(/^_|_$/g, ""))
    .filter((segment) => segment !== "index")
    .map((segment) => {
      if (segment === "$") return (params["*"] = "deze-pagina-bestaat-niet");
      if (segment.startsWith("$")) {
        const name = segment.slice(1);
        const value = samples[name];
        if (value === undefined) throw new Error(`No sample value for the parameter ${name} of ${file}`);
        return (params[name] = value);
      }
      return segment.replace(/\[([^\]]*)\]/g, "$1");
    });
  return { path: `/${segments.join("/")}`, params };
}

/** The app's own modules a route file imports, directly or through others (not the messages, models or db). */
export function sourcesOf(file: string): string[] {
  const seen = new Set([file]);
  const todo = [file];
  while (todo.length) {
    const current = todo.pop()!;
    for (const [, spec] of readFileSync(current, "utf8").matchAll(/from\s+"(\.[^"]+)"/g)) {
      const base = path.resolve(path.dirname(current), spec!);
      const found = [base, `${base}.ts`, `${base}.tsx`].find((f) => existsSync(f) && statSync(f).isFile());
      if (found && !seen.has(found) && !/[/\\](i18n|models|db)[/\\]/.test(found)) {
        seen.add(found);
        todo.push(found);
      }
    }
  }
  return [...seen];
}
