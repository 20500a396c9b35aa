import { z } from "zod";
import { checkbox, messageKey, optionalText, positiveInt, requiredText } from "./form-data";

/** The forms of region management (decision 041), for browser and server alike. */

const code = () =>
  requiredText(40).pipe(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, messageKey("regions.errors.codeFormat")));

const regionFields = { name: requiredText(100), code: code(), tagline: optionalText(200) };
const subregionFields = { name: requiredText(100), code: code() };
const confirmed = () => checkbox().refine((ticked) => ticked, messageKey("regions.errors.confirmRemove"));

export const createRegionSchema = z.object(regionFields);

/** The first region, asked on /setup of a register that has none: its fields prefixed, beside the account's. */
export const firstRegionFields = {
  regionName: regionFields.name,
  regionCode: regionFields.code,
  regionTagline: regionFields.tagline,
};

// every form on a region's page is saved against the region's version: subregions are its child rows
const version = positiveInt();

export const REGION_SCHEMAS = {
  save: z.object({ intent: z.literal("save"), version, ...regionFields }),
  addSubregion: z.object({ intent: z.literal("addSubregion"), version, ...subregionFields }),
  renameSubregion: z.object({
    intent: z.literal("renameSubregion"),
    version,
    subregion: positiveInt(),
    ...subregionFields,
  }),
  removeSubregion: z.object({
    intent: z.literal("removeSubregion"),
    version,
    subregion: positiveInt(),
    confirm: confirmed(),
  }),
  remove: z.object({ intent: z.literal("remove"), version, confirm: confirmed() }),
  makeStart: z.object({ intent: z.literal("makeStart") }),
} as const;

export type RegionIntent = keyof typeof REGION_SCHEMAS;
export const isRegionIntent = (value: unknown): value is RegionIntent =>
  typeof value === "string" && Object.hasOwn(REGION_SCHEMAS, value);

/** What still names a region or subregion, per kind with its count (kinds with none left out). */
export type RegionUseKind =
  | "bodies"
  | "themes"
  | "plans"
  | "meetings"
  | "survey_waves"
  | "saved_searches"
  | "organisations"
  | "subregions"
  | "seats"
  | "users";
export type UseCounts = { kind: RegionUseKind; count: number }[];
