import type { DB } from "../../db/index";

/** Headline numbers of the register on a day: what the home page shows. */
export async function networkCounts(db: DB, onDay: string) {
  const [organisations, people, bodies, seats, vacancies] = await Promise.all([
    db
      .selectFrom("organisations")
      .where("archived_at", "is", null)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("people")
      .where("archived_at", "is", null)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("bodies")
      .where("archived_at", "is", null)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
    activeSeats(db, onDay)
      .where("person_id", "is not", null)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
    activeSeats(db, onDay)
      .where("person_id", "is", null)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    organisations: Number(organisations.n),
    people: Number(people.n),
    bodies: Number(bodies.n),
    seats: Number(seats.n),
    vacancies: Number(vacancies.n),
  };
}

/** Seats active on a day: start on or before it, end (inclusive) on or after it, or open-ended. */
export function activeSeats(db: DB, onDay: string) {
  return db
    .selectFrom("seats")
    .where("start_date", "<=", onDay)
    .where((eb) => eb.or([eb("end_date", "is", null), eb("end_date", ">=", onDay)]));
}
