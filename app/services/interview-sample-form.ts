import { z } from "zod";
import { type FormFailure, messageKey, optionalInt } from "./form-data";
import { MAX_SEED } from "./interview-sample";

export const MAX_SAMPLE_SIZE = 100_000;

const sizeMessage = messageKey("samples.errors.size");

/** The draw form: a size, and a seed only when an earlier draw is to be made again. */
export const sampleSchema = z.object({
  size: z.coerce.number({ error: sizeMessage }).int(sizeMessage).min(1, sizeMessage).max(MAX_SAMPLE_SIZE, sizeMessage),
  seed: optionalInt(1, MAX_SEED),
});

/** What the draw page's action answers when it does not redirect: the form, refused. */
export type SampleDrawAnswer = FormFailure;

/** The form's starting values from the address (`omvang`, `startgetal`): "draw again" links fill them in. */
export function sampleFormDefaults(search: URLSearchParams): { size: string; seed: string } {
  const digits = (value: string | null) => (value && /^\d{1,10}$/.test(value) ? value : "");
  return { size: digits(search.get("omvang")), seed: digits(search.get("startgetal")) };
}
