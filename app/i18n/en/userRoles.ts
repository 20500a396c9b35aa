import type { Messages } from "../shape";
import type { userRoles as nl } from "../nl/userRoles";

export const userRoles: Messages<typeof nl> = {
  roleInRegion: "{{role}} in {{region}}",
  roleNetworkWide: "{{role}} across the network",
  none: "no role",
  switcher: {
    label: "Region",
    all: "All regions",
    submit: "Choose region",
  },
  form: {
    legend: "Roles",
    intro:
      "A role across the network holds in every region; a role in a region only there. Someone with both may do in that region what either role allows. Managing users, regions, the audit log, privacy and calendar subscriptions takes the administrator role across the network.",
    network: "Across the network",
    region: "In {{region}}",
    noRole: "None",
  },
  account: {
    roles: "Roles",
  },
  errors: {
    noRole: "Give the user at least one role, across the network or in a region.",
    regionUnknown: "This region no longer exists. Reload the page.",
  },
};
