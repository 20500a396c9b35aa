import type { people as nl } from "../nl/people";
import type { Messages } from "../shape";

export const people: Messages<typeof nl> = {};
