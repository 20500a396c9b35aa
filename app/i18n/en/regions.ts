import type { regions as nl } from "../nl/regions";
import type { Messages } from "../shape";

export const regions: Messages<typeof nl> = {
  title: "Regions",
  intro:
    "The regions Kring keeps together, each with its subregions. A region's name and tagline head every page. A region or subregion that is still used somewhere cannot be removed.",
  field: { label: "Region" },
  wholeRegion: "region {{name}}",
  /** how a report of the cross-region view names what it covers ("Vergaderingen 2025 — alle regio's") */
  allRegions: "all regions",
  /** the cross-region view's part of a download's file name, where a region's code would be */
  allRegionsCode: "all-regions",
  /** the column that names each record's region in the cross-region view of a list */
  column: "Region",
  columns: { name: "Name", code: "Short code", tagline: "Tagline", subregions: "Subregions" },
  noTagline: "no tagline",
  none: "There are no regions yet. Add the first one below.",
  fields: {
    name: "Name",
    code: "Short code",
    codeHint: "Lower-case letters, digits and hyphens, for example zuid-limburg.",
    tagline: "Tagline",
    taglineHint: "One line under the name at the top of every page.",
  },
  create: { heading: "Add a region", submit: "Add region" },
  edit: {
    title: "Region {{name}}",
    back: "All regions",
    open: "Manage {{name}}",
    heading: "Name and tagline",
    submit: "Save",
  },
  subregions: {
    heading: "Subregions",
    none: "This region has no subregions.",
    renameSubmit: "Save name",
    addHeading: "Add a subregion",
    addSubmit: "Add subregion",
    removeConfirm: "Yes, remove subregion {{name}}",
    removeSubmit: "Remove subregion",
  },
  remove: {
    heading: "Remove region",
    text: "Only a region that nothing uses any more can be removed. This cannot be undone.",
    confirm: "Yes, remove region {{name}}",
    submit: "Remove region",
  },
  inUse: {
    region: "Region {{name}} is used by {{uses}} and so was not removed.",
    subregion: "Subregion {{name}} is used by {{uses}} and so was not removed.",
  },
  uses: {
    bodies_one: "{{count}} body",
    bodies_other: "{{count}} bodies",
    themes_one: "{{count}} theme",
    themes_other: "{{count}} themes",
    plans_one: "{{count}} plan",
    plans_other: "{{count}} plans",
    meetings_one: "{{count}} meeting",
    meetings_other: "{{count}} meetings",
    survey_waves_one: "{{count}} survey wave",
    survey_waves_other: "{{count}} survey waves",
    saved_searches_one: "{{count}} saved search",
    saved_searches_other: "{{count}} saved searches",
    organisations_one: "{{count}} organisation",
    organisations_other: "{{count}} organisations",
    subregions_one: "{{count}} subregion",
    subregions_other: "{{count}} subregions",
    seats_one: "{{count}} seat",
    seats_other: "{{count}} seats",
  },
  notices: {
    created: "Region {{name}} was added.",
    saved: "The region was saved.",
    removed: "The region was removed.",
    subregionAdded: "The subregion was added.",
    subregionRenamed: "The subregion was renamed.",
    subregionRemoved: "The subregion was removed.",
  },
  errors: {
    chooseRegion: "Choose the region this belongs to.",
    noRegionYet: "There is no region yet. A beheerder creates one under Beheer → Regions.",
    codeTaken: "This short code is already in use; choose another.",
    codeFormat: "Use only lower-case letters, digits and hyphens.",
    nameTaken: "This name is already in use.",
    confirmRemove: "Tick the box to confirm the removal.",
  },
};
