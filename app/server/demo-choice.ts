/**
 * Whether a new, empty database gets the synthetic demo network. Right for trying Kring out: `npm
 * start` on a laptop (the default database file), or on an empty PostgreSQL database named by
 * DATABASE_URL (decision 021: trying Kring on PostgreSQL should show the same network). Wrong for a
 * real install: a SQLite file it names with DATABASE_PATH gets no demo unless KRING_DEMO=1, and a
 * real PostgreSQL install sets KRING_DEMO=0, which the start-up line says when it loaded the demo.
 */
export type DemoChoice =
  | { load: true; because: "defaultDatabase" | "asked" | "emptyPostgres" }
  | { load: false; because: "switchedOff" | "ownDatabase" };

export function demoChoice(env: Partial<Record<string, string>>): DemoChoice {
  if (env.KRING_DEMO === "0") return { load: false, because: "switchedOff" };
  if (env.KRING_DEMO === "1") return { load: true, because: "asked" };
  if (env.DATABASE_URL?.trim()) return { load: true, because: "emptyPostgres" };
  return env.DATABASE_PATH ? { load: false, because: "ownDatabase" } : { load: true, because: "defaultDatabase" };
}

/** The start-up line that says what happened to the demo network. */
export function demoStartLine(choice: DemoChoice, loaded: boolean): string {
  if (choice.load) {
    if (!loaded) return "Demonetwerk niet geladen: de database bevat al gegevens.";
    return choice.because === "emptyPostgres"
      ? "Let op: het demonetwerk (fictieve personen) is in de lege PostgreSQL-database geladen. Start een echte installatie met KRING_DEMO=0."
      : "";
  }
  return choice.because === "switchedOff"
    ? "Demonetwerk niet geladen (KRING_DEMO=0)."
    : "Demonetwerk niet geladen: DATABASE_PATH wijst een eigen database aan (KRING_DEMO=1 laadt het toch in een lege database).";
}
