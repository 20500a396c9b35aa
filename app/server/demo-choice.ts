/**
 * Whether a new, empty database gets the synthetic demo network. Right for `npm start` on a laptop
 * (the default database file); wrong for a real install, which names its own database (DATABASE_PATH,
 * or a PostgreSQL database by DATABASE_URL): there the demo people come only when asked for with
 * KRING_DEMO=1.
 */
export type DemoChoice =
  { load: true; because: "defaultDatabase" | "asked" } | { load: false; because: "switchedOff" | "ownDatabase" };

export function demoChoice(env: Partial<Record<string, string>>): DemoChoice {
  if (env.KRING_DEMO === "0") return { load: false, because: "switchedOff" };
  if (env.KRING_DEMO === "1") return { load: true, because: "asked" };
  return env.DATABASE_PATH || env.DATABASE_URL
    ? { load: false, because: "ownDatabase" }
    : { load: true, because: "defaultDatabase" };
}

/** The start-up line that says what happened to the demo network. */
export function demoStartLine(choice: DemoChoice, loaded: boolean): string {
  if (choice.load) return loaded ? "" : "Demonetwerk niet geladen: de database bevat al gegevens.";
  return choice.because === "switchedOff"
    ? "Demonetwerk niet geladen (KRING_DEMO=0)."
    : "Demonetwerk niet geladen: DATABASE_PATH of DATABASE_URL wijst een eigen database aan (KRING_DEMO=1 laadt het toch in een lege database).";
}
