import type { Permission } from "./permissions";

/**
 * Who may use a loader or an action: the roles of a permission, everyone ("public": the page
 * guards itself, by a signed token in the URL or by the state of the register), or anyone signed in.
 */
export type Access = Permission | "public" | "signed-in";

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
 * table says, and that no route or intent is missing from it (decision 025). A region dimension will
 * turn an `Access` into `{ needs, region }`; today every permission holds for the whole network.
 */
export const ROUTE_ACCESS = {
  "routes/$": { loader: "public" },
  "routes/_index": { loader: "register.read" },
  "routes/account": { loader: "signed-in", action: { intents: { password: "signed-in", language: "signed-in" } } },
  "routes/afmelden.$token": { loader: "public", action: "public" },
  "routes/afmelden._index": { loader: "public", action: "public" },
  "routes/agenda.$token": { loader: "public" },
  "routes/beheer.agenda": {
    loader: "calendar.manage",
    action: { intents: { revoke: "calendar.manage", undo: "calendar.manage" } },
  },
  "routes/beheer.gebruikers.$userId": {
    loader: "users.manage",
    action: { intents: { save: "users.manage", disable: "users.manage", enable: "users.manage" } },
  },
  "routes/beheer.gebruikers._index": { loader: "users.manage", action: "users.manage" },
  "routes/beheer.bewaartermijn": {
    loader: "privacy.manage",
    action: {
      intents: {
        "review-archive": "privacy.manage",
        "review-erase": "privacy.manage",
        "confirm-archive": "privacy.manage",
        "confirm-erase": "privacy.manage",
      },
    },
  },
  "routes/beheer.logboek": { loader: "audit.read" },
  "routes/beheer.regios._index": { loader: "regions.manage", action: "regions.manage" },
  "routes/beheer.regios.$regionId": {
    loader: "regions.manage",
    action: {
      intents: {
        save: "regions.manage",
        addSubregion: "regions.manage",
        renameSubregion: "regions.manage",
        removeSubregion: "regions.manage",
        remove: "regions.manage",
      },
    },
  },
  "routes/gremia.$bodyId": { loader: "register.read", action: "register.edit" },
  "routes/gremia.$bodyId_.agenda": {
    loader: "register.read",
    action: {
      intents: {
        create: "register.edit",
        replace: "calendar.manage",
        revoke: "calendar.manage",
        undo: "calendar.manage",
      },
    },
  },
  "routes/gremia.$bodyId_.bewerken": {
    loader: "register.edit",
    action: {
      intents: { save: "register.edit", archive: "register.edit", restore: "register.edit", undo: "register.edit" },
    },
  },
  "routes/gremia._index": { loader: "register.read" },
  "routes/gremia.nieuw": { loader: "register.edit", action: "register.edit" },
  "routes/importeren._index": { loader: "register.edit", action: "register.edit" },
  "routes/importeren.$batchId": {
    loader: "register.edit",
    action: { intents: { preview: "register.edit", import: "register.edit", undo: "register.edit" } },
  },
  "routes/login": { loader: "public", action: "public" },
  "routes/logout": { loader: "public", action: "public" },
  "routes/netwerk_.kaart": { loader: "register.read" },
  "routes/onderzoek.$waveId": { loader: "research.run", action: "research.run" },
  "routes/onderzoek.$waveId_.berichten": {
    loader: "research.run",
    action: { intents: { message: "research.run", closingDate: "research.run", test: "research.run" } },
  },
  "routes/onderzoek.$waveId_.bewerken": { loader: "research.run", action: "research.run" },
  "routes/onderzoek.$waveId_.export.$kind": {
    loader: {
      param: "kind",
      values: {
        limesurvey: "research.run",
        qualtrics: "research.run",
        csv: "research.run",
        xlsx: "research.run",
        pseudoniem: "research.run",
        "netwerk-pseudoniem": "research.run",
        "organisaties-csv": "register.export",
        "organisaties-limesurvey": "register.export",
      },
    },
  },
  "routes/onderzoek.$waveId_.mailing.$soort": {
    loader: "research.run",
    action: {
      intents: {
        start: "research.run",
        pause: "research.run",
        resume: "research.run",
        sendAgain: "research.run",
        bounces: "research.run",
      },
    },
  },
  "routes/onderzoek.$waveId_.panel": { loader: "research.run", action: "research.run" },
  "routes/onderzoek.$waveId_.regels": {
    loader: "research.run",
    action: {
      intents: {
        enter: "research.run",
        save: "research.run",
        personSearch: "research.run",
        addSeatRule: "research.run",
        "removeSeatRule-<n>": "research.run",
        "removeManual-<n>": "research.run",
        "excludePerson-<n>": "research.run",
      },
    },
  },
  "routes/onderzoek.$waveId_.respons": { loader: "research.run", action: "research.run" },
  "routes/onderzoek.$waveId_.respons_.download": { loader: "research.run" },
  "routes/onderzoek.$waveId_.respons_.nabellen": { loader: "research.run" },
  "routes/onderzoek.$waveId_.respons_.nabellen_.download": { loader: "research.run" },
  "routes/onderzoek.$waveId_.steekproeven": { loader: "research.run", action: "research.run" },
  "routes/onderzoek.$waveId_.steekproeven_.$sampleId": { loader: "research.run" },
  "routes/onderzoek.$waveId_.steekproeven_.$sampleId_.download": { loader: "research.run" },
  "routes/onderzoek.$waveId_.voorbeeld": { loader: "research.run", action: "research.run" },
  "routes/onderzoek._index": { loader: "research.run" },
  "routes/onderzoek.nieuw": { loader: "research.run", action: "research.run" },
  "routes/onderzoek.vergelijken": { loader: "research.run" },
  "routes/onderzoek.vergelijken_.download": { loader: "research.run" },
  "routes/organisaties.$organisationId": {
    loader: "register.read",
    action: { intents: { undo: "register.edit", undoMerge: "register.edit" } },
  },
  "routes/organisaties.$organisationId_.bewerken": {
    loader: "register.edit",
    action: { intents: { save: "register.edit", archive: "register.edit", restore: "register.edit" } },
  },
  "routes/organisaties.$organisationId_.samenvoegen": { loader: "register.edit", action: "register.edit" },
  "routes/organisaties._index": { loader: "register.read" },
  "routes/organisaties.dubbelen": {
    loader: "register.read",
    action: { intents: { notSame: "register.edit", undo: "register.edit" } },
  },
  "routes/organisaties.nieuw": { loader: "register.edit", action: "register.edit" },
  "routes/organisaties.te-completeren": { loader: "register.read" },
  "routes/overzichten._index": { loader: "register.read" },
  "routes/overzichten.matrix": { loader: "register.read" },
  "routes/netwerk._index": { loader: "register.read" },
  "routes/netwerk.download": { loader: "register.export" },
  "routes/overzichten.matrix_.download": { loader: "register.export" },
  "routes/overzichten.organisaties.$organisationId": { loader: "register.read" },
  "routes/overzichten.organisaties.$organisationId_.download": { loader: "register.export" },
  "routes/personen.$personId": { loader: "register.read", action: { intents: { undoMerge: "register.edit" } } },
  "routes/personen.$personId_.bewerken": {
    loader: "register.edit",
    action: {
      intents: {
        save: "register.edit",
        addEmail: "register.edit",
        removeEmail: "register.edit",
        primaryEmail: "register.edit",
        clearBounce: "register.edit",
        consent: "register.edit",
        archive: "register.edit",
        restore: "register.edit",
        undo: "register.edit",
      },
    },
  },
  "routes/personen.$personId_.functies": {
    loader: "register.edit",
    action: { intents: { add: "register.edit", edit: "register.edit", end: "register.edit", undo: "register.edit" } },
  },
  "routes/personen.$personId_.inzage": { loader: "privacy.manage" },
  "routes/personen.$personId_.inzage[.json]": { loader: "privacy.manage" },
  "routes/personen.$personId_.samenvoegen": { loader: "register.edit", action: "register.edit" },
  "routes/personen.$personId_.vcard": { loader: "register.export" },
  "routes/personen.$personId_.wissen": { loader: "privacy.manage", action: "privacy.manage" },
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
  "routes/plannen.$planId": { loader: "register.read" },
  "routes/plannen.$planId_.bewerken": {
    loader: "register.edit",
    action: {
      intents: { save: "register.edit", archive: "register.edit", restore: "register.edit", undo: "register.edit" },
    },
  },
  "routes/plannen._index": { loader: "register.read" },
  "routes/plannen.nieuw": { loader: "register.edit", action: "register.edit" },
  "routes/privacy": { loader: "public" },
  "routes/setup": { loader: "public", action: "public" },
  "routes/status": { loader: "public" },
  "routes/taal": { loader: "public", action: "public" },
  "routes/themas.$themeId": { loader: "register.read" },
  "routes/themas.$themeId_.bewerken": {
    loader: "register.edit",
    action: {
      intents: { save: "register.edit", archive: "register.edit", restore: "register.edit", undo: "register.edit" },
    },
  },
  "routes/themas._index": { loader: "register.read" },
  "routes/themas.nieuw": { loader: "register.edit", action: "register.edit" },
  "routes/vergaderingen.$meetingId": { loader: "register.read" },
  "routes/vergaderingen.$meetingId_.agenda[.ics]": { loader: "register.read" },
  "routes/vergaderingen.$meetingId_.bewerken": {
    loader: "register.edit",
    action: {
      intents: {
        save: "register.edit",
        status: "register.edit",
        cancel: "register.edit",
        restore: "register.edit",
        undo: "register.edit",
      },
    },
  },
  "routes/vergaderingen.$meetingId_.presentie": {
    loader: "register.read",
    action: {
      intents: {
        save: "register.edit",
        everyonePresent: "register.edit",
        search: "register.edit",
        enter: "register.edit",
        "addGuest:<n>": "register.edit",
        "removeGuest:<n>": "register.edit",
        "removeMember:<n>": "register.edit",
      },
    },
  },
  "routes/vergaderingen._index": { loader: "register.read" },
  "routes/vergaderingen.cijfers": { loader: "register.read" },
  "routes/vergaderingen.cijfers_.download": { loader: "register.export" },
  "routes/vergaderingen.jaaroverzicht": { loader: "register.read" },
  "routes/vergaderingen.jaaroverzicht_.download": { loader: "register.export" },
  "routes/vergaderingen.nieuw": { loader: "register.edit", action: "register.edit" },
  "routes/vergaderingen.reeks": {
    loader: "register.edit",
    action: { intents: { preview: "register.edit", create: "register.edit" } },
  },
  "routes/zetels.$seatId": {
    loader: "register.read",
    action: {
      intents: {
        save: "register.edit",
        end: "register.edit",
        undo: "register.edit",
        move: "register.edit",
        fill: "register.edit",
      },
    },
  },
  "routes/zoeken": { loader: "register.read" },
} as const satisfies Record<string, RouteAccess>;

export type RouteId = keyof typeof ROUTE_ACCESS;
