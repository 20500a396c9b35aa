import { type Kysely, sql } from "kysely";
import { engineOf } from "../engine";
import { clockTimeCheck, isoDateCheck, jsonCheck, nowText, primaryId, uniqueIgnoringCase } from "../schema-sql";

/**
 * Meetings of bodies and network-wide events, who attended them, saved people searches (one way
 * to invite people to an event) and the calendar subscription feeds.
 *
 * A meeting's date and times are wall-clock values in Europe/Amsterdam (`YYYY-MM-DD`, `HH:MM`):
 * a meeting at 14:00 stays at 14:00 across daylight-saving changes, which UTC moments would not.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const now = nowText(db);
  const id = primaryId(db);
  const isoDate = (column: string) => isoDateCheck(db, column, false);
  const clockTime = (column: string) => clockTimeCheck(db, column);
  await db.schema
    .createTable("saved_searches")
    .addColumn("id", "integer", id)
    .addColumn("name", "text", (c) => c.notNull())
    // the people list's filter as JSON (see app/models/people.server.ts PeopleListFilter)
    .addColumn("filter", "text", (c) => c.notNull().check(jsonCheck(db, "filter")))
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("archived_at", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await uniqueIgnoringCase(db, "saved_searches_name_unique", "saved_searches", "name");

  await db.schema
    .createTable("meeting_series")
    .addColumn("id", "integer", id)
    .addColumn("body_id", "integer", (c) => c.references("bodies.id"))
    // the recurrence as an iCalendar RRULE (RFC 5545), e.g. FREQ=MONTHLY;INTERVAL=2;BYDAY=+2TU;COUNT=6
    .addColumn("rule", "text", (c) => c.notNull())
    .addColumn("first_date", "text", (c) => c.notNull().check(isoDate("first_date")))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable("meetings")
    .addColumn("id", "integer", id)
    // null for a network-wide event: its invitees are in meeting_invitations
    .addColumn("body_id", "integer", (c) => c.references("bodies.id"))
    .addColumn("series_id", "integer", (c) => c.references("meeting_series.id"))
    .addColumn("kind", "text", (c) =>
      c
        .notNull()
        .check(sql`kind in ('vergadering', 'brede_netwerkbijeenkomst', 'heisessie', 'leerbijeenkomst', 'themasessie')`),
    )
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("date", "text", (c) => c.notNull().check(isoDate("date")))
    .addColumn("start_time", "text", (c) => c.check(clockTime("start_time")))
    .addColumn("end_time", "text", (c) => c.check(clockTime("end_time")))
    .addColumn("location", "text")
    .addColumn("online_url", "text")
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("gepland")
        .check(sql`status in ('gepland', 'gehouden', 'geannuleerd')`),
    )
    .addColumn("agenda", "text")
    .addColumn("minutes", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addCheckConstraint("meetings_times", sql`start_time is null or end_time is null or start_time < end_time`)
    .addCheckConstraint("meetings_body_or_event", sql`(kind = 'vergadering') = (body_id is not null)`)
    .execute();
  await db.schema.createIndex("meetings_body_date").on("meetings").columns(["body_id", "date"]).execute();
  await db.schema.createIndex("meetings_date").on("meetings").columns(["date", "status"]).execute();
  await db.schema.createIndex("meetings_series").on("meetings").column("series_id").execute();

  await db.schema
    .createTable("meeting_invitations")
    .addColumn("id", "integer", id)
    .addColumn("meeting_id", "integer", (c) => c.notNull().references("meetings.id").onDelete("cascade"))
    .addColumn("body_id", "integer", (c) => c.references("bodies.id"))
    .addColumn("organisation_id", "integer", (c) => c.references("organisations.id"))
    .addColumn("saved_search_id", "integer", (c) => c.references("saved_searches.id"))
    .addCheckConstraint(
      "meeting_invitations_one_source",
      engineOf(db) === "postgres"
        ? sql`num_nonnulls(body_id, organisation_id, saved_search_id) = 1`
        : sql`(body_id is not null) + (organisation_id is not null) + (saved_search_id is not null) = 1`,
    )
    .execute();
  await db.schema.createIndex("meeting_invitations_meeting").on("meeting_invitations").column("meeting_id").execute();

  await db.schema
    .createTable("attendance")
    .addColumn("id", "integer", id)
    .addColumn("meeting_id", "integer", (c) => c.notNull().references("meetings.id").onDelete("cascade"))
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id"))
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in ('aanwezig', 'afgemeld', 'afwezig', 'vervangen', 'gast')`),
    )
    .addColumn("substitute_person_id", "integer", (c) => c.references("people.id"))
    // the seat that put the person on the roster (null for guests and event invitees)
    .addColumn("seat_id", "integer", (c) => c.references("seats.id"))
    // on whose behalf they were there, as on the roster on the meeting date
    .addColumn("organisation_id", "integer", (c) => c.references("organisations.id"))
    .addColumn("note", "text")
    .addCheckConstraint(
      "attendance_substitute",
      sql`(status = 'vervangen') = (substitute_person_id is not null) and (substitute_person_id is null or substitute_person_id <> person_id)`,
    )
    .addUniqueConstraint("attendance_meeting_person", ["meeting_id", "person_id"])
    .execute();
  await db.schema.createIndex("attendance_person").on("attendance").columns(["person_id", "meeting_id"]).execute();
  await db.schema
    .createIndex("attendance_organisation")
    .on("attendance")
    .columns(["organisation_id", "meeting_id"])
    .execute();
  await db.schema.createIndex("attendance_substitute").on("attendance").column("substitute_person_id").execute();

  await db.schema
    .createTable("calendar_feeds")
    .addColumn("id", "integer", id)
    .addColumn("body_id", "integer", (c) => c.notNull().references("bodies.id"))
    // random, unguessable (160 bits, base32); the feed URL is /agenda/<token>.ics
    .addColumn("token", "text", (c) => c.notNull().unique())
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("revoked_at", "text")
    .addColumn("revoked_by", "integer", (c) => c.references("users.id"))
    .execute();
  await sql`create unique index calendar_feeds_one_active on calendar_feeds (body_id) where revoked_at is null`.execute(
    db,
  );
}
