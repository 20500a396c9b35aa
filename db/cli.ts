import { describeTarget } from "./engine";
import { DatabaseStartError, databaseTarget, openMigratedDatabase } from "./index";
import { describeDemoAccounts, isEmptyDatabase, loadDemo } from "../seeds/load";

/** `npm run db:migrate` and `npm run db:seed`. */
const command = process.argv[2];
const target = databaseTarget();
const file = describeTarget(target);

async function main() {
  const db = await openMigratedDatabase(target);
  try {
    if (command === "migrate") {
      console.log(`Database ${file} is bijgewerkt naar de nieuwste migratie.`);
    } else if (command === "seed") {
      if (!(await isEmptyDatabase(db))) {
        console.error(`Database ${file} bevat al gegevens; demodata wordt alleen in een lege database geladen.`);
        process.exitCode = 1;
        return;
      }
      const { accounts, counts } = await loadDemo(db);
      console.log(`Demonetwerk geladen in ${file}: ${JSON.stringify(counts)}`);
      console.log(describeDemoAccounts(accounts));
    } else {
      console.error("Gebruik: tsx db/cli.ts migrate | seed");
      process.exitCode = 2;
    }
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof DatabaseStartError ? error.message : error);
  process.exit(1);
});
