import type { nl } from "./nl/index";

/** i18next's plural suffixes: "throttled_one" and "throttled_other" are asked for as "throttled" with a count. */
type PluralSuffix = "zero" | "one" | "two" | "few" | "many" | "other";

/** The dotted paths to every text of a message tree: "people.errors.emailTaken". */
type KeysOf<Tree, Prefix extends string = ""> = {
  [K in keyof Tree & string]: Tree[K] extends string
    ? `${Prefix}${K}` | (K extends `${infer Base}_${PluralSuffix}` ? `${Prefix}${Base}` : never)
    : KeysOf<Tree[K], `${Prefix}${K}.`>;
}[keyof Tree & string];

/**
 * A message's key, checked by the compiler against the Dutch messages (the source of every
 * translation): a misspelt key fails `tsc` instead of showing the generic "invalid" text.
 */
export type MessageKey = KeysOf<typeof nl>;

declare const withValues: unique symbol;

/** A checked key with values to interpolate, as only messageKey() writes it ("key?name=Anna"). */
export type KeyWithValues = string & { readonly [withValues]: true };

/** What a refusal or a form error carries to the page: a checked key, possibly with values. */
export type Message = MessageKey | KeyWithValues;

/** The keys under one branch, without the branch: MessageKeysUnder<"admin.audit.summaries">. */
export type MessageKeysUnder<Branch extends string> = MessageKey extends infer K
  ? K extends `${Branch}.${infer Rest}`
    ? Rest
    : never
  : never;
