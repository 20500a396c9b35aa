import type { duplicates as nl } from "../nl/duplicates";
import type { Messages } from "../shape";

export const duplicates: Messages<typeof nl> = {
  people: {
    title: "Possibly duplicate people",
    intro:
      "Pairs of people who are probably the same: the same name (also with initials, a tussenvoegsel written differently, or first and last name swapped), the same e-mail address or phone number. The most likely pair comes first. Merge what belongs together, or mark a pair as not the same.",
    link: "Possible duplicates",
    back: "People",
  },
  organisations: {
    title: "Possibly duplicate organisations",
    intro:
      "Pairs of organisations that are probably the same: the same name (without legal form), a name and its abbreviation, the same e-mail address, website or phone number. The most likely pair comes first.",
    link: "Possible duplicates",
    back: "Organisations",
  },
  count_one: "1 possibly duplicate pair.",
  count_other: "{{count}} possibly duplicate pairs.",
  empty: "No possible duplicates found.",
  caption: "Possibly duplicate pairs, most likely first",
  columns: {
    pair: "Pair",
    score: "Score",
    reasons: "Why",
    actions: "What to do",
  },
  scoreOf: "{{score}} out of 100",
  merge: "Merge",
  mergeLabel: "Merge {{first}} and {{second}}",
  notSame: "Not the same",
  notSameLabel: "{{first}} and {{second}} are not the same",
  markedNotSame: "{{first}} and {{second}} are no longer listed as possible duplicates.",
  undone: "The pair is listed as possible duplicates again.",
  warning: {
    title_one: "This person may already be in the register",
    title_other: "This person may already be in the register ({{count}} possibilities)",
    organisationTitle_one: "This organisation may already be in the register",
    organisationTitle_other: "This organisation may already be in the register ({{count}} possibilities)",
    intro: "Check whether it is the same one. Nothing has been saved yet; what you typed is still below.",
    confirm: "It is someone else: create anyway",
  },
  personReasons: {
    same_name: "same name",
    surname_spelled_differently: "last name written differently",
    infix_differs: "tussenvoegsel differs",
    initials_match_first_name: "initials fit the first name",
    same_surname: "same last name, first name unknown",
    swapped_names: "first and last name swapped",
    same_email: "same e-mail address",
    same_phone: "same phone number",
    same_organisation: "works at the same organisation",
  },
  organisationReasons: {
    same_name: "same name",
    same_short_name: "same short name",
    name_is_abbreviation: "name and abbreviation match",
    same_email: "same e-mail address",
    same_website: "same website",
    same_phone: "same phone number",
  },
};
