/** The orders the plan list offers, as they appear in the URL (?sortering=…); shared by page and model. */
export const PLAN_SORTS = ["naam", "thema", "financiering", "organisatie"] as const;
export type PlanSort = (typeof PLAN_SORTS)[number];
