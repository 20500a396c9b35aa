import type { rights as nl } from "../nl/rights";
import type { Messages } from "../shape";

export const rights: Messages<typeof nl> = {
  section: {
    title: "Privacy (GDPR)",
    intro:
      "Someone asks what Kring records about them, or asks to be erased? Produce their access report or erase the person here.",
    report: "Access report",
    erase: "Erase person…",
  },
  erasedNotice:
    "This person was erased at their own request on {{date}}. Seats, attendance and panels count them as “deleted person”; name, addresses and notes are gone.",
  report: {
    title: "Access report for {{name}}",
    intro:
      "Everything Kring records about this person, as of {{moment}}: for a request of access (GDPR article 15). Producing this report is recorded in the audit log.",
    download: "Download as JSON",
    back: "Back to the person",
    none: "Nothing recorded.",
    personFields: {
      id: "Number in Kring",
      version: "Version",
      created_at: "Recorded on",
      updated_at: "Last changed on",
      archived_at: "Archived on",
      erased_at: "Erased on",
    },
    sections: {
      person: "Personal details",
      emails: "Email addresses",
      consents: "Consents and opt-outs",
      jobs: "Jobs",
      seats: "Seats",
      attendance: "Attendance",
      panels: "Survey panels (with the reason for inclusion)",
      messages: "Messages sent",
      audit: "Audit log: changes that concern this person",
    },
    columns: {
      email: "Address",
      primary: "Primary",
      bounced: "Bouncing since",
      purpose: "Purpose",
      status: "Status",
      recordedOn: "Recorded on",
      source: "Source",
      organisation: "Organisation",
      functionTitle: "Job title",
      from: "From",
      until: "Until",
      body: "Body",
      role: "Role",
      onBehalfOf: "On behalf of",
      note: "Note",
      date: "Date",
      meeting: "Meeting",
      wave: "Wave",
      referenceDate: "Reference date",
      reasons: "Reason for inclusion",
      excluded: "Later excluded",
      response: "Completed",
      kind: "Kind of message",
      sentAt: "Sent",
      at: "Moment",
      action: "Action",
      record: "Record",
      by: "By",
      changes: "Content",
    },
  },
  erase: {
    title: "Erase {{name}}",
    intro:
      "Erasure is for a request to be forgotten (GDPR article 17). It cannot be undone; a backup from before the erasure still holds the data until that backup expires.",
    removed: "What goes",
    removedItems: {
      names: "name, initials, salutation, title, phone and notes",
      emails:
        "all email addresses ({{count}}); of each only a salted hash is kept, so it cannot be recorded or mailed again",
      consents: "consents and opt-outs ({{count}})",
      notes: "job titles and notes on seats and attendance",
      audit: "the same data in the audit log (the entries stay, without the content)",
      mail: "messages still waiting ({{count}}) are not sent",
    },
    kept: "What stays, as “deleted person”",
    keptItems: {
      seats: "seats ({{count}}); current seats and jobs end today",
      attendance: "attendance at meetings ({{count}})",
      panels:
        "places in frozen panels ({{count}}), without name and address; every panel's content hash still verifies",
    },
    confirm: "I understand this is final, and I have the request of the person themselves.",
    confirmRequired: "Tick the box to confirm that you understand erasure is final.",
    submit: "Erase for good",
    cancel: "Cancel",
    alreadyErased: "This person has been erased already.",
    done: "The person is erased. Only a hash of their email addresses was kept, so they are not recorded or mailed again.",
  },
  errors: {
    erased: "This person has been erased and can no longer be edited.",
  },
};
