/** The orders the list of bodies offers (in the URL as `sortering`); shared by the page and the model. */
export const BODY_SORTS = ["niveau", "naam"] as const;
export type BodySort = (typeof BODY_SORTS)[number];
