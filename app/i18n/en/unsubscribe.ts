import type { unsubscribe as nl } from "../nl/unsubscribe";
import type { Messages } from "../shape";

export const unsubscribe: Messages<typeof nl> = {
  title: "Unsubscribe",
  link: {
    whose: "This unsubscribe link belongs to {{name}}.",
    whoseUnnamed: "This unsubscribe link belongs to a participant in the network's research.",
    intro: "Choose what to unsubscribe from and press the button. Nothing changes until you press it.",
    scope: "What do you want to unsubscribe from?",
    scopes: {
      survey: "Only this survey ({{wave}})",
      research: "All research mail from the network",
      news: "News from the network",
    },
    alreadyExcluded: "You have already unsubscribed from this survey.",
    submit: "Unsubscribe",
  },
  done: {
    title: "You have been unsubscribed",
    survey: "You will receive no more mail about the survey {{wave}}, reminders included.",
    research:
      "You will receive no more research mail from the network. Messages that were waiting to be sent will not go out.",
    news: "You will receive no more news from the network.",
    unchanged: "This was already recorded: nothing has changed.",
    undo: "Was this a mistake? Contact the network's office and we will undo it.",
    other: "Unsubscribe from something else as well",
  },
  invalid: {
    title: "This unsubscribe link does not work",
    tampered:
      "The link is incomplete or not correct. This sometimes happens when a mail program splits a long link over two lines.",
    expired: "The link has expired.",
    fallback: "You can also unsubscribe with your e-mail address: we will send you a new link.",
    fallbackLink: "Unsubscribe with your e-mail address",
  },
  address: {
    title: "Unsubscribe with your e-mail address",
    intro:
      "Enter the e-mail address at which you receive mail from the network. If it is in our register, we will send a message to it with a link to unsubscribe.",
    email: "E-mail address",
    submit: "Send me an unsubscribe link",
    sent: "If this address is in our register, we have just sent a message to it. Please also check your junk mail. The link in the message works for {{count}} days.",
  },
  limited: {
    title: "Please wait",
    text: "Too many requests have come from your address in a short time. Please try again in a quarter of an hour.",
  },
  errors: {
    chooseScope: "Choose what to unsubscribe from.",
  },
  mail: {
    subject: "Your link to unsubscribe",
    greeting: "Dear {{name}},",
    greetingUnnamed: "Hello,",
    intro:
      "Someone, probably you, asked to unsubscribe you from the network's mail. With the link below you choose what to unsubscribe from.",
    wave: "The survey {{wave}}:",
    person: "Research mail and news from the network:",
    expires: "The link works until and including {{day}}.",
    notYou: "Did you not ask for this? Then you need not do anything: nothing changes.",
    closing: "Kind regards,",
    sender: "The network's research team",
  },
};
