import type { Migration } from "kysely";
import * as registry from "./migrations/0001_registry";
import * as accountsAndAudit from "./migrations/0002_accounts_and_audit";
import * as registerSearch from "./migrations/0003_register_search";
import * as meetings from "./migrations/0004_meetings";
import * as surveyWaves from "./migrations/0005_survey_waves";
import * as peopleSortName from "./migrations/0006_people_sort_name";
import * as auditLogAppendOnly from "./migrations/0007_audit_log_append_only";
import * as mailings from "./migrations/0008_mailings";
import * as settings from "./migrations/0009_settings";
import * as sortNameCombiningMarks from "./migrations/0010_sort_name_combining_marks";
import * as containsTextTrigramIndexes from "./migrations/0011_contains_text_trigram_indexes";
import * as personErasure from "./migrations/0012_person_erasure";
import * as sessionIdleAndFeedTokenHashes from "./migrations/0013_session_idle_and_feed_token_hashes";
import * as importBatches from "./migrations/0014_import_batches";
import * as duplicateKeys from "./migrations/0015_duplicate_keys";
import * as merges from "./migrations/0016_merges";
import * as interviewSamples from "./migrations/0018_interview_samples";
import * as regions from "./migrations/0019_regions";
import * as governance from "./migrations/0020_governance";
import * as userRoles from "./migrations/0021_user_roles";
import * as networkWideWaves from "./migrations/0022_network_wide_waves";

/**
 * Every migration, by the name it is recorded under, imported statically rather than read from the
 * folder at run time: the server then runs as one bundled JavaScript file (build/server.js) with no
 * TypeScript loader. A test checks that this list and db/migrations/ agree.
 */
export const MIGRATIONS: Record<string, Migration> = {
  "0001_registry": registry,
  "0002_accounts_and_audit": accountsAndAudit,
  "0003_register_search": registerSearch,
  "0004_meetings": meetings,
  "0005_survey_waves": surveyWaves,
  "0006_people_sort_name": peopleSortName,
  "0007_audit_log_append_only": auditLogAppendOnly,
  "0008_mailings": mailings,
  "0009_settings": settings,
  "0010_sort_name_combining_marks": sortNameCombiningMarks,
  "0011_contains_text_trigram_indexes": containsTextTrigramIndexes,
  "0012_person_erasure": personErasure,
  "0013_session_idle_and_feed_token_hashes": sessionIdleAndFeedTokenHashes,
  "0014_import_batches": importBatches,
  "0015_duplicate_keys": duplicateKeys,
  "0016_merges": merges,
  "0018_interview_samples": interviewSamples,
  "0019_regions": regions,
  "0020_governance": governance,
  "0021_user_roles": userRoles,
  "0022_network_wide_waves": networkWideWaves,
};
