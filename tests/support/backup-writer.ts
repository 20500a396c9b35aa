/**
 * A separate process that keeps writing while a backup is taken (tests/integration/backup.test.ts):
 * `tsx backup-writer.ts <SQLite file> <user id> <sector id>` creates organisations through the model,
 * one transaction each, and prints each one's id and the moment (ms) its commit returned, until it is killed.
 */
import { createOrganisation } from "../../app/models/organisations.server";
import { openDatabase } from "../../db/index";

const [file = "", userId = "0", sectorId = "0"] = process.argv.slice(2);
const db = openDatabase(file);
for (let i = 1; ; i += 1) {
  const organisation = await createOrganisation(
    db,
    { id: Number(userId) },
    {
      name: `Schrijver ${process.pid} ${i}`,
      short_name: null,
      sector_id: Number(sectorId),
      region_ids: [],
      subregion_ids: [],
      iza_signatory: false,
      parent_id: null,
      website: null,
      email: null,
      phone: null,
      address: null,
      notes: null,
    },
  );
  process.stdout.write(`${organisation.id} ${Date.now()}\n`);
}
