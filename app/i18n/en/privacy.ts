import type { privacy as nl } from "../nl/privacy";
import type { Messages } from "../shape";

export const privacy: Messages<typeof nl> = {
  title: "Privacy statement",
  lead: "How the Gezond Zuid-Limburg network handles your personal data in Kring, its contact and governance register.",
  controller: {
    heading: "Who is responsible",
    body: "The controller is the network organisation Gezond Zuid-Limburg: Netwerkondersteuning Gezond Zuid-Limburg, the office that supports the network. Put questions about this statement and about your data to that office.",
  },
  data: {
    heading: "What data",
    intro: "Of people who work in the network or have a seat in one of its bodies, Kring keeps:",
    contact: "contact details: name, salutation, title, email addresses, phone number and preferred language;",
    jobs: "jobs: which organisation you work for, in which role, and from when until when;",
    seats:
      "seats: in which bodies (working groups, steering groups, consultations) you have a seat, for which organisation, and from when until when;",
    attendance: "attendance at the meetings of those bodies;",
    panel:
      "research participation: whether you were in a panel of a network survey, whether you filled in the questionnaire, and your consents to research mail;",
    mailings: "mailings: which messages of the network were sent to you, and whether an address bounced;",
    audit: "the audit log: who changed what in the register, and when.",
  },
  purposes: {
    heading: "Purposes and legal bases",
    governance:
      "Keeping the network running: knowing who sits where, preparing and accounting for meetings, keeping in touch. Legal basis: the legitimate interest of the network organisation and its partners in working together (Article 6(1)(f) GDPR).",
    research:
      "Research among the people in the network, such as the yearly network survey, and the mail that goes with it. Legal basis: your consent (Article 6(1)(a) GDPR); you can withdraw it at any time, without consequences for your place in the network.",
    audit:
      "The audit log proves who changed what and so protects the register's accuracy. Legal basis: legitimate interest.",
  },
  retention: {
    heading: "How long",
    body: "For as long as you have a job or seat in the network. After that, the office reviews your data once a retention period of {{count}} months after your last job or seat ended has passed; whoever is no longer needed is archived or erased.",
    backups:
      "Backups of the register are kept secured and overwritten after their own, short period; erased data thereby also leaves the backups.",
  },
  recipients: {
    heading: "Who receives the data",
    body: "Users of Kring at the office, each with only the rights their task needs. Partners in the network see the composition of bodies. For research, data goes to the questionnaire service only pseudonymised: with a code instead of name and address. Data is not sold and not processed outside the European Economic Area.",
  },
  rights: {
    heading: "Your rights",
    intro: "You have the right to:",
    access: "access: which data we hold about you;",
    rectification: "rectification of data that is wrong;",
    erasure: "erasure of your data when it is no longer needed or you withdraw your consent;",
    objection: "object to processing based on legitimate interest.",
    how: "Make a request to Netwerkondersteuning Gezond Zuid-Limburg. We answer within a month and may first ask you to show that the data is your own.",
  },
  unsubscribe: {
    heading: "Unsubscribing from mail",
    body: "Every mail of the network has a link to unsubscribe. If you no longer have it, ask for a new one on the unsubscribe page.",
    link: "To the unsubscribe page",
  },
  security: {
    heading: "Security",
    body: "Kring can only be reached after signing in with a personal account and a strong password, over an encrypted connection. Every change is kept in an audit log that cannot be altered afterwards. Research data is pseudonymised, and unsubscribe links are signed and expire.",
  },
  complaint: {
    heading: "Complaints",
    body: "If you are not satisfied with how we handle your data, tell the office first. You can also lodge a complaint with the Dutch Data Protection Authority, the Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl).",
  },
  link: "Privacy statement",
};
