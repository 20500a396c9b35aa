import type { DB } from "../../db/index";
import type { Language } from "../../db/schema";
import { RegisterError } from "../models/editing.server";
import { previewSeries, type SeriesInput } from "../models/meeting-series.server";
import { submittedValues } from "./form-data";
import { withReadableDayLists } from "./series-form";
import type { SeriesAnswer } from "./series-plan";

/** The preview of a series, with the form's values to show it again. */
export async function seriesPreviewAnswer(
  db: DB,
  bodyId: number,
  input: SeriesInput,
  formData: FormData,
): Promise<Extract<SeriesAnswer, { kind: "preview" }>> {
  const preview = await previewSeries(db, bodyId, input);
  const { intent: _button, ...values } = submittedValues(formData);
  return {
    kind: "preview",
    values,
    preview: {
      bodyName: preview.body.name,
      rule: preview.rule,
      days: preview.days,
      start: input.start_time,
      end: input.end_time,
    },
  };
}

/** A refusal as the reader should get it: the days it names (outside the body's period) in their language. */
export function readableSeriesRefusal(error: unknown, language: Language): unknown {
  return error instanceof RegisterError
    ? new RegisterError(withReadableDayLists(error.messageKey, language), error.field)
    : error;
}
