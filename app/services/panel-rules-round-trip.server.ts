import type { DB } from "../../db/index";
import type { Language } from "../../db/schema";
import { searchRegister } from "../models/search.server";
import { peopleNames } from "../models/survey-waves.server";
import { submittedValues } from "./form-data";
import {
  manualPersonIds,
  type ReshapeIntent,
  reshapeRulesForm,
  RULES_SEARCH_FIELD,
  type WaveRulesAnswer,
} from "./panel-rules-round-trip";

/** The rules form sent back reshaped as `intent` asks, with the people a search found and the excluded people named. */
export async function reshapedRulesForm(
  db: DB,
  language: Language,
  intent: ReshapeIntent,
  formData: FormData,
): Promise<Extract<WaveRulesAnswer, { kind: "reshaped" }>> {
  const { intent: _button, ...sent } = submittedValues(formData);
  const values = reshapeRulesForm(sent, intent);
  const typed = values[RULES_SEARCH_FIELD];
  const query = intent.kind === "search" && typeof typed === "string" ? typed.trim() : "";
  const found = query
    ? (await searchRegister(db, query, { limit: 10, language })).filter((hit) => hit.kind === "person")
    : null;
  return {
    kind: "reshaped",
    values,
    roundTrip: crypto.randomUUID(),
    found: found
      ? { query, people: found.map((hit) => ({ id: hit.id, title: hit.title, subtitle: hit.subtitle })) }
      : null,
    people: await peopleNames(db, manualPersonIds(values)),
  };
}
