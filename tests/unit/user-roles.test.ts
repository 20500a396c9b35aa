import { describe, expect, it } from "vitest";
import { can, NETWORK_ONLY, type Permission, PERMISSIONS, type RoleGrant } from "../../app/auth/permissions";
import { translator } from "../../app/i18n/index";
import { maySelectRegion, resolveRegion } from "../../app/services/region-choice";
import { rolesInWords } from "../../app/services/role-words";

const ZUID = 1;
const NOORD = 2;
const user = (...roles: RoleGrant[]) => ({ roles });

describe("can: a region's permissions are the network-wide role's and the region's role's together", () => {
  const readerAndEditor = user({ regionId: null, role: "lezer" }, { regionId: ZUID, role: "redacteur" });

  it("gives the regional role's permissions in its region only", () => {
    expect(can(readerAndEditor, "register.edit", ZUID)).toBe(true);
    expect(can(readerAndEditor, "register.edit", NOORD)).toBe(false);
    expect(can(readerAndEditor, "register.read", NOORD)).toBe(true);
  });

  it("counts some region when none is named, but not network-wide", () => {
    expect(can(readerAndEditor, "register.edit")).toBe(true);
    expect(can(readerAndEditor, "register.edit", "network")).toBe(false);
    expect(can(readerAndEditor, "register.read", "network")).toBe(true);
  });

  it("lets a network-wide role hold in every region", () => {
    const editor = user({ regionId: null, role: "redacteur" });
    for (const scope of [undefined, ZUID, NOORD, "network"] as const)
      expect(can(editor, "register.edit", scope)).toBe(true);
  });

  it("never gives a network-only permission through a regional role", () => {
    const regionalAdmin = user({ regionId: ZUID, role: "beheerder" });
    const networkAdmin = user({ regionId: null, role: "beheerder" });
    for (const permission of NETWORK_ONLY) {
      for (const scope of [undefined, ZUID, "network"] as const) {
        expect(can(regionalAdmin, permission, scope), `${permission} ${scope}`).toBe(false);
        expect(can(networkAdmin, permission, scope), `${permission} ${scope}`).toBe(true);
      }
    }
    for (const permission of Object.keys(PERMISSIONS) as Permission[])
      if (!NETWORK_ONLY.has(permission)) expect(can(regionalAdmin, permission, ZUID)).toBe(true);
  });

  it("refuses nobody's roles and no roles at all", () => {
    expect(can(null, "register.read")).toBe(false);
    expect(can(user(), "register.read")).toBe(false);
  });
});

describe("the current region", () => {
  const regions = [
    { id: NOORD, name: "Noord- en Midden-Limburg", code: "noord-midden-limburg" },
    { id: ZUID, name: "Zuid-Limburg", code: "zuid-limburg" },
  ];
  const regional = user({ regionId: ZUID, role: "lezer" }, { regionId: NOORD, role: "lezer" });
  const network = user({ regionId: null, role: "lezer" });

  it("is the chosen region while the user may choose it, else the first by name", () => {
    expect(resolveRegion(regional, regions, ZUID)).toEqual(regions[1]);
    expect(resolveRegion(regional, regions, null)).toEqual(regions[0]);
    expect(resolveRegion(regional, regions, 99)).toEqual(regions[0]);
    expect(resolveRegion(regional, [regions[1]!], null)).toEqual(regions[1]);
  });

  it("is all regions only for a network-wide role", () => {
    expect(resolveRegion(regional, regions, "all")).toEqual(regions[0]);
    expect(resolveRegion(network, regions, "all")).toBe("all");
    expect(resolveRegion(network, [], null)).toBe("all");
    expect(maySelectRegion(regional, regions, "all")).toBe(false);
    expect(maySelectRegion(network, regions, "all")).toBe(true);
    expect(maySelectRegion(regional, regions, 99)).toBe(false);
  });
});

describe("roles in words", () => {
  it("names the regions by name and the network-wide role last, in Dutch and English", () => {
    const roles = [
      { role: "lezer", region: null },
      { role: "redacteur", region: "Zuid-Limburg" },
    ] as const;
    expect(rolesInWords(roles, translator("nl"))).toBe("redacteur in Zuid-Limburg; lezer in het hele netwerk");
    expect(rolesInWords(roles, translator("en"))).toBe("editor in Zuid-Limburg; reader across the network");
    expect(rolesInWords([], translator("nl"))).toBe("geen rol");
  });
});
