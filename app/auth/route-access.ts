import type { Permission } from "./permissions";

/**
 * Where a permission is needed (decision 042): in the region of the record the URL names, in the
 * region the user looks at (the header's switcher, decision 043), or network-wide.
 */
export type RegionOfAccess = "record" | "current" | "network";

export interface RegionalAccess {
  needs: Permission;
  region: RegionOfAccess;
}

/**
 * Who may use a loader or an action: the roles of a permission — a bare permission in some region or
 * network-wide, a `RegionalAccess` where it says — everyone ("public": the page guards itself, by a
 * signed token in the URL or by the state of the register), or anyone signed in.
 */
export type Access = Permission | RegionalAccess | "public" | "signed-in";

const inRecordRegion = (needs: Permission) => ({ needs, region: "record" }) as const;
const inCurrentRegion = (needs: Permission) => ({ needs, region: "current" }) as const;
const networkWide = (needs: Permission) => ({ needs, region: "network" }) as const;

/** A loader whose access depends on a URL parameter: each value the route accepts, with its access. */
export interface AccessByParam {
  param: string;
  values: Readonly<Record<string, Access>>;
}

/**
 * An action that reads no `intent`, or one access per posted `intent`. An intent whose button adds a
 * number to its value (`removeSeatRule-3`, `addGuest:17`) is written with `<n>` in its place.
 */
export type ActionAccess = Access | { intents: Readonly<Record<string, Access>> };

export interface RouteAccess {
  loader: Access | AccessByParam;
  action?: ActionAccess;
}

/**
 * Every route of app/routes by its Remix route id, with what its loader and each of its action's
 * intents need. The routes ask `requirePermission` themselves; tests/integration/permission-matrix.test.ts
 * walks the route folder and proves, role by role, that each route lets through exactly what this
 * table says, and that no route or intent is missing from it (decision 025), for network-wide and
 * regional users (decision 042). "record": the route asks for the permission in the region of the
 * record its URL names, so a role in another region is refused it (decision 044).
 */
export const ROUTE_ACCESS = {
  "routes/$": { loader: "public" },
  "routes/_index": { loader: inCurrentRegion("register.read") },
  "routes/account": { loader: "signed-in", action: { intents: { password: "signed-in", language: "signed-in" } } },
  "routes/afmelden.$token": { loader: "public", action: "public" },
  "routes/afmelden._index": { loader: "public", action: "public" },
  "routes/agenda.$token": { loader: "public" },
  "routes/beheer.agenda": {
    loader: networkWide("calendar.manage"),
    action: { intents: { revoke: networkWide("calendar.manage"), undo: networkWide("calendar.manage") } },
  },
  "routes/beheer.gebruikers.$userId": {
    loader: networkWide("users.manage"),
    action: {
      intents: {
        save: networkWide("users.manage"),
        disable: networkWide("users.manage"),
        enable: networkWide("users.manage"),
      },
    },
  },
  "routes/beheer.regios._index": {
    loader: networkWide("regions.manage"),
    action: networkWide("regions.manage"),
  },
  "routes/beheer.regios.$regionId": {
    loader: networkWide("regions.manage"),
    action: {
      intents: {
        save: networkWide("regions.manage"),
        addSubregion: networkWide("regions.manage"),
        renameSubregion: networkWide("regions.manage"),
        makeStart: networkWide("regions.manage"),
        removeSubregion: networkWide("regions.manage"),
        remove: networkWide("regions.manage"),
      },
    },
  },
  "routes/beheer.gebruikers._index": { loader: networkWide("users.manage"), action: networkWide("users.manage") },
  "routes/beheer.bewaartermijn": {
    loader: networkWide("privacy.manage"),
    action: {
      intents: {
        "review-archive": networkWide("privacy.manage"),
        "review-erase": networkWide("privacy.manage"),
        "confirm-archive": networkWide("privacy.manage"),
        "confirm-erase": networkWide("privacy.manage"),
      },
    },
  },
  "routes/beheer.logboek": { loader: networkWide("audit.read") },
  "routes/gremia.$bodyId": { loader: inRecordRegion("register.read"), action: inRecordRegion("register.edit") },
  "routes/gremia.$bodyId_.agenda": {
    loader: inRecordRegion("register.read"),
    action: {
      intents: {
        create: inRecordRegion("register.edit"),
        replace: networkWide("calendar.manage"),
        revoke: networkWide("calendar.manage"),
        undo: networkWide("calendar.manage"),
      },
    },
  },
  "routes/gremia.$bodyId_.bewerken": {
    loader: inRecordRegion("register.edit"),
    action: {
      intents: {
        save: inRecordRegion("register.edit"),
        archive: inRecordRegion("register.edit"),
        restore: inRecordRegion("register.edit"),
        undo: inRecordRegion("register.edit"),
      },
    },
  },
  "routes/gremia._index": { loader: inCurrentRegion("register.read") },
  "routes/gremia.nieuw": { loader: inCurrentRegion("register.edit"), action: inCurrentRegion("register.edit") },
  "routes/importeren._index": { loader: "register.edit", action: "register.edit" },
  "routes/importeren.$batchId": {
    loader: "register.edit",
    action: { intents: { preview: "register.edit", import: "register.edit", undo: "register.edit" } },
  },
  "routes/login": { loader: "public", action: "public" },
  "routes/logout": { loader: "public", action: "public" },
  "routes/netwerk_.kaart": { loader: inCurrentRegion("register.read") },
  "routes/onderzoek.$waveId": { loader: inRecordRegion("research.run"), action: inRecordRegion("research.run") },
  "routes/onderzoek.$waveId_.berichten": {
    loader: inRecordRegion("research.run"),
    action: {
      intents: {
        message: inRecordRegion("research.run"),
        closingDate: inRecordRegion("research.run"),
        test: inRecordRegion("research.run"),
      },
    },
  },
  "routes/onderzoek.$waveId_.bewerken": {
    loader: inRecordRegion("research.run"),
    action: inRecordRegion("research.run"),
  },
  "routes/onderzoek.$waveId_.export.$kind": {
    loader: {
      param: "kind",
      values: {
        limesurvey: inRecordRegion("research.run"),
        qualtrics: inRecordRegion("research.run"),
        csv: inRecordRegion("research.run"),
        xlsx: inRecordRegion("research.run"),
        pseudoniem: inRecordRegion("research.run"),
        "netwerk-pseudoniem": inRecordRegion("research.run"),
        "organisaties-csv": inRecordRegion("register.export"),
        "organisaties-limesurvey": inRecordRegion("register.export"),
      },
    },
  },
  "routes/onderzoek.$waveId_.mailing.$soort": {
    loader: inRecordRegion("research.run"),
    action: {
      intents: {
        start: inRecordRegion("research.run"),
        pause: inRecordRegion("research.run"),
        resume: inRecordRegion("research.run"),
        sendAgain: inRecordRegion("research.run"),
        bounces: inRecordRegion("research.run"),
      },
    },
  },
  "routes/onderzoek.$waveId_.panel": { loader: inRecordRegion("research.run"), action: inRecordRegion("research.run") },
  "routes/onderzoek.$waveId_.regels": {
    loader: inRecordRegion("research.run"),
    action: {
      intents: {
        enter: inRecordRegion("research.run"),
        save: inRecordRegion("research.run"),
        personSearch: inRecordRegion("research.run"),
        addSeatRule: inRecordRegion("research.run"),
        "removeSeatRule-<n>": inRecordRegion("research.run"),
        "removeManual-<n>": inRecordRegion("research.run"),
        "excludePerson-<n>": inRecordRegion("research.run"),
      },
    },
  },
  "routes/onderzoek.$waveId_.respons": {
    loader: inRecordRegion("research.run"),
    action: inRecordRegion("research.run"),
  },
  "routes/onderzoek.$waveId_.respons_.download": { loader: inRecordRegion("research.run") },
  "routes/onderzoek.$waveId_.respons_.nabellen": { loader: inRecordRegion("research.run") },
  "routes/onderzoek.$waveId_.respons_.nabellen_.download": { loader: inRecordRegion("research.run") },
  "routes/onderzoek.$waveId_.steekproeven": {
    loader: inRecordRegion("research.run"),
    action: inRecordRegion("research.run"),
  },
  "routes/onderzoek.$waveId_.steekproeven_.$sampleId": { loader: inRecordRegion("research.run") },
  "routes/onderzoek.$waveId_.steekproeven_.$sampleId_.download": { loader: inRecordRegion("research.run") },
  "routes/onderzoek.$waveId_.voorbeeld": {
    loader: inRecordRegion("research.run"),
    action: inRecordRegion("research.run"),
  },
  "routes/onderzoek._index": { loader: inCurrentRegion("research.run") },
  "routes/onderzoek.nieuw": { loader: inCurrentRegion("research.run"), action: inCurrentRegion("research.run") },
  "routes/onderzoek.vergelijken": { loader: inCurrentRegion("research.run") },
  "routes/onderzoek.vergelijken_.download": { loader: inCurrentRegion("research.run") },
  "routes/organisaties.$organisationId": {
    loader: inRecordRegion("register.read"),
    action: { intents: { undo: inRecordRegion("register.edit"), undoMerge: inRecordRegion("register.edit") } },
  },
  "routes/organisaties.$organisationId_.bewerken": {
    loader: inRecordRegion("register.edit"),
    action: {
      intents: {
        save: inRecordRegion("register.edit"),
        archive: inRecordRegion("register.edit"),
        restore: inRecordRegion("register.edit"),
      },
    },
  },
  "routes/organisaties.$organisationId_.samenvoegen": {
    loader: inRecordRegion("register.edit"),
    action: inRecordRegion("register.edit"),
  },
  "routes/organisaties._index": { loader: "register.read" },
  "routes/organisaties.dubbelen": {
    loader: "register.read",
    action: { intents: { notSame: "register.edit", undo: "register.edit" } },
  },
  "routes/organisaties.nieuw": { loader: "register.edit", action: "register.edit" },
  "routes/organisaties.te-completeren": { loader: "register.read" },
  "routes/overzichten._index": { loader: inCurrentRegion("register.read") },
  "routes/overzichten.matrix": { loader: inCurrentRegion("register.read") },
  "routes/netwerk._index": { loader: inCurrentRegion("register.read") },
  "routes/netwerk.download": { loader: inCurrentRegion("register.export") },
  "routes/overzichten.matrix_.download": { loader: inCurrentRegion("register.export") },
  "routes/overzichten.organisaties.$organisationId": { loader: inRecordRegion("register.read") },
  "routes/overzichten.organisaties.$organisationId_.download": { loader: inRecordRegion("register.export") },
  "routes/personen.$personId": {
    loader: inRecordRegion("register.read"),
    action: { intents: { undoMerge: inRecordRegion("register.edit") } },
  },
  "routes/personen.$personId_.bewerken": {
    loader: inRecordRegion("register.edit"),
    action: {
      intents: {
        save: inRecordRegion("register.edit"),
        addEmail: inRecordRegion("register.edit"),
        removeEmail: inRecordRegion("register.edit"),
        primaryEmail: inRecordRegion("register.edit"),
        clearBounce: inRecordRegion("register.edit"),
        consent: inRecordRegion("register.edit"),
        archive: inRecordRegion("register.edit"),
        restore: inRecordRegion("register.edit"),
        undo: inRecordRegion("register.edit"),
      },
    },
  },
  "routes/personen.$personId_.functies": {
    loader: inRecordRegion("register.edit"),
    action: {
      intents: {
        add: inRecordRegion("register.edit"),
        edit: inRecordRegion("register.edit"),
        end: inRecordRegion("register.edit"),
        undo: inRecordRegion("register.edit"),
      },
    },
  },
  "routes/personen.$personId_.inzage": { loader: networkWide("privacy.manage") },
  "routes/personen.$personId_.inzage[.json]": { loader: networkWide("privacy.manage") },
  "routes/personen.$personId_.samenvoegen": {
    loader: inRecordRegion("register.edit"),
    action: inRecordRegion("register.edit"),
  },
  "routes/personen.$personId_.vcard": { loader: inRecordRegion("register.export") },
  "routes/personen.$personId_.wissen": { loader: networkWide("privacy.manage"), action: networkWide("privacy.manage") },
  "routes/personen._index": { loader: "register.read", action: "register.edit" },
  "routes/personen.dubbelen": {
    loader: "register.read",
    action: { intents: { notSame: "register.edit", undo: "register.edit" } },
  },
  "routes/personen.vcard": { loader: "register.export" },
  "routes/personen.nieuw": { loader: "register.edit", action: "register.edit" },
  "routes/personen.te-corrigeren": { loader: "register.read" },
  "routes/personen.zoekopdrachten": {
    loader: "register.read",
    action: {
      intents: { rename: "register.edit", archive: "register.edit", restore: "register.edit", undo: "register.edit" },
    },
  },
  "routes/plannen.$planId": { loader: inRecordRegion("register.read") },
  "routes/plannen.$planId_.bewerken": {
    loader: inRecordRegion("register.edit"),
    action: {
      intents: {
        save: inRecordRegion("register.edit"),
        archive: inRecordRegion("register.edit"),
        restore: inRecordRegion("register.edit"),
        undo: inRecordRegion("register.edit"),
      },
    },
  },
  "routes/plannen._index": { loader: inCurrentRegion("register.read") },
  "routes/plannen.nieuw": { loader: inCurrentRegion("register.edit"), action: inCurrentRegion("register.edit") },
  "routes/privacy": { loader: "public" },
  "routes/setup": { loader: "public", action: "public" },
  "routes/regio": { loader: "public", action: "signed-in" },
  "routes/status": { loader: "public" },
  "routes/taal": { loader: "public", action: "public" },
  "routes/themas.$themeId": {
    loader: inRecordRegion("register.read"),
    action: {
      intents: {
        addLead: inRecordRegion("register.edit"),
        endLead: inRecordRegion("register.edit"),
        removeLead: inRecordRegion("register.edit"),
      },
    },
  },
  "routes/themas.$themeId_.bewerken": {
    loader: inRecordRegion("register.edit"),
    action: {
      intents: {
        save: inRecordRegion("register.edit"),
        archive: inRecordRegion("register.edit"),
        restore: inRecordRegion("register.edit"),
        undo: inRecordRegion("register.edit"),
      },
    },
  },
  "routes/themas._index": { loader: inCurrentRegion("register.read") },
  "routes/themas.nieuw": { loader: inCurrentRegion("register.edit"), action: inCurrentRegion("register.edit") },
  "routes/vergaderingen.$meetingId": { loader: inRecordRegion("register.read") },
  "routes/vergaderingen.$meetingId_.agenda[.ics]": { loader: inRecordRegion("register.read") },
  "routes/vergaderingen.$meetingId_.bewerken": {
    loader: inRecordRegion("register.edit"),
    action: {
      intents: {
        save: inRecordRegion("register.edit"),
        status: inRecordRegion("register.edit"),
        cancel: inRecordRegion("register.edit"),
        restore: inRecordRegion("register.edit"),
        undo: inRecordRegion("register.edit"),
      },
    },
  },
  "routes/vergaderingen.$meetingId_.presentie": {
    loader: inRecordRegion("register.read"),
    action: {
      intents: {
        save: inRecordRegion("register.edit"),
        everyonePresent: inRecordRegion("register.edit"),
        search: inRecordRegion("register.edit"),
        enter: inRecordRegion("register.edit"),
        "addGuest:<n>": inRecordRegion("register.edit"),
        "removeGuest:<n>": inRecordRegion("register.edit"),
        "removeMember:<n>": inRecordRegion("register.edit"),
      },
    },
  },
  "routes/vergaderingen._index": { loader: inCurrentRegion("register.read") },
  "routes/vergaderingen.cijfers": { loader: inCurrentRegion("register.read") },
  "routes/vergaderingen.cijfers_.download": { loader: inCurrentRegion("register.export") },
  "routes/vergaderingen.jaaroverzicht": { loader: inCurrentRegion("register.read") },
  "routes/vergaderingen.jaaroverzicht_.download": { loader: inCurrentRegion("register.export") },
  "routes/vergaderingen.nieuw": { loader: inCurrentRegion("register.edit"), action: inCurrentRegion("register.edit") },
  "routes/vergaderingen.reeks": {
    loader: inCurrentRegion("register.edit"),
    action: { intents: { preview: inCurrentRegion("register.edit"), create: inCurrentRegion("register.edit") } },
  },
  "routes/zetels.$seatId": {
    loader: inRecordRegion("register.read"),
    action: {
      intents: {
        save: inRecordRegion("register.edit"),
        end: inRecordRegion("register.edit"),
        undo: inRecordRegion("register.edit"),
        move: inRecordRegion("register.edit"),
        fill: inRecordRegion("register.edit"),
      },
    },
  },
  "routes/zoeken": { loader: inCurrentRegion("register.read") },
} as const satisfies Record<string, RouteAccess>;

export type RouteId = keyof typeof ROUTE_ACCESS;
