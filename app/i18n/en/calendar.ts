import type { calendar as nl } from "../nl/calendar";
import type { Messages } from "../shape";

export const calendar: Messages<typeof nl> = {
  title: "Calendar subscriptions",
  page: {
    title: "Calendar subscription {{body}}",
    back: "Back to {{body}}",
    intro:
      "With a calendar subscription the meetings of {{body}} appear in your own calendar at the right time, and changes and cancellations follow by themselves (usually within a few hours).",
    howTo:
      "Outlook: Add calendar → Subscribe from web, and paste the address. Google Calendar: Other calendars → + → From URL. Apple Calendar: File → New Calendar Subscription, or open the link ‘Open in your calendar app’.",
    secret: "Anyone with this address sees the meetings without signing in. Share it only with those concerned.",
    copyNow:
      "Copy the address now and keep it, or subscribe to it straight away: it will not be shown again. Kring keeps only an unrecognisable fingerprint of it.",
    addressStart: "The address begins with",
    shownOnce:
      "The full address was shown once, when the link was made. Lost it? Ask whoever made the link, or have an administrator make a new one (the old address then stops working).",
    subscribeHeading: "Subscribe",
    address: "Subscription address",
    copy: "Copy address",
    copied: "The address has been copied.",
    copyFailed: "Copying did not work. Select the address and copy it yourself.",
    openInApp: "Open in your calendar app",
    created: "Made by {{name}} on {{date}}.",
    createdUnknown: "Made on {{date}}.",
    none: "This body has no calendar subscription yet.",
    noneReader: "An editor or administrator can make a link.",
    create: "Make link",
    manageHeading: "Revoke or replace the link",
    revokeText:
      "Once revoked the address stops working: subscribers get no more meetings. Do this when the address has fallen into the wrong hands.",
    revokeConfirm: "Yes, revoke the link of {{body}}",
    revoke: "Revoke",
    replaceText:
      "A new link replaces the current one: the old address stops working and subscribers must subscribe again with the new address.",
    replaceConfirm: "Yes, replace the link of {{body}} with a new one",
    replace: "Make new link",
    notices: {
      aangemaakt: "The link has been made.",
      vervangen: "A new link has been made. The old address no longer works.",
      ingetrokken: "The link has been revoked. The address no longer works.",
      teruggezet: "The link works again.",
    },
  },
  admin: {
    intro:
      "Every working calendar subscription address, per body. Anyone with such an address sees that body's meetings without signing in; revoke an address when it has fallen into the wrong hands.",
    body: "Body",
    createdBy: "Made by",
    createdAt: "Made on",
    addressStart: "Address begins with",
    revokeHeading: "Revoke",
    none: "There are no working calendar subscriptions.",
    unknownUser: "unknown",
    revokeConfirm: "Yes, revoke the link of {{body}}",
    revoke: "Revoke",
    revoked: "The link of {{body}} has been revoked.",
    restored: "The link of {{body}} works again.",
  },
  meeting: {
    download: "Add to your calendar (.ics)",
  },
  ics: {
    online: "Online:",
    page: "More information:",
    fileName: "meeting",
  },
  errors: {
    bodyArchived: "{{body}} is archived and gets no calendar subscription. Restore the body first.",
    feedChanged:
      "Someone else changed the link in the meantime. The current state is shown below; try again if needed.",
    alreadyRevoked: "This link had already been revoked.",
    cannotRestore: "This link cannot come back: another link has been made for this body in the meantime.",
    confirmRevoke: "Tick the box to confirm that you want to revoke the link.",
    confirmReplace: "Tick the box to confirm that you want to replace the link.",
  },
};
