import type { nl } from "../nl/index";
import type { Messages } from "../shape";
import { admin } from "./admin";
import { auth } from "./auth";
import { common } from "./common";
import { home } from "./home";
import { register } from "./register";
import { organisations } from "./organisations";
import { people } from "./people";
import { bodies } from "./bodies";
import { themes } from "./themes";
import { lookup } from "./lookup";
import { overviews } from "./overviews";
import { meetings } from "./meetings";
import { attendance } from "./attendance";
import { meetingReports } from "./meetingReports";
import { calendar } from "./calendar";
import { meetingSeries } from "./meetingSeries";
import { savedSearches } from "./savedSearches";
import { waves } from "./waves";
import { panelExports } from "./panelExports";
import { panel } from "./panel";
import { mailings } from "./mailings";
import { responses } from "./responses";
import { unsubscribe } from "./unsubscribe";
import { rights } from "./rights";
import { retention } from "./retention";
import { privacy } from "./privacy";
import { merge } from "./merge";
import { duplicates } from "./duplicates";
import { vcard } from "./vcard";
import { samples } from "./samples";
import { networkMap } from "./networkMap";
import { network } from "./network";
import { importing } from "./import";
import { userRoles } from "./userRoles";
import { regions } from "./regions";
import { governance } from "./governance";

export const en: Messages<typeof nl> = {
  common,
  home,
  auth,
  admin,
  register,
  organisations,
  people,
  bodies,
  themes,
  lookup,
  overviews,
  meetings,
  attendance,
  meetingReports,
  calendar,
  meetingSeries,
  savedSearches,
  waves,
  panelExports,
  panel,
  mailings,
  responses,
  unsubscribe,
  rights,
  retention,
  privacy,
  merge,
  duplicates,
  vcard,
  samples,
  networkMap,
  network,
  import: importing,
  userRoles,
  regions,
  governance,
};
