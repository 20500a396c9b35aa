import type { auth as nl } from "../nl/auth";
import type { Messages } from "../shape";

export const auth: Messages<typeof nl> = {
  title: "Account",
  fields: {
    name: "Name",
    email: "Email address",
    password: "Password",
    passwordConfirm: "Repeat the password",
    currentPassword: "Current password",
    newPassword: "New password",
    newPasswordConfirm: "Repeat the new password",
    passwordHint: "At least {{min}} characters. A sentence of a few words is strong and easy to remember.",
  },
  login: {
    title: "Sign in",
    intro: "Sign in with the email address and password of your Kring account.",
    submit: "Sign in",
    noAccount: "No account yet? Ask a Kring administrator to add you.",
    signedOutIdle:
      "You were signed out because you had not used Kring for a while. Sign in again to carry on where you were.",
  },
  setup: {
    title: "Set up Kring",
    intro:
      "Nobody can sign in yet. Create the first account here: it becomes an administrator, who can then add others.",
    regionHeading: "First region",
    regionIntro:
      "Kring keeps bodies, themes and plans per region. Give the name of the first region; a beheerder can add and change regions later under Beheer → Regions.",
    regionName: "Name of the region",
    regionCode: "Short code of the region",
    regionTagline: "Tagline of the region (optional)",
    submit: "Create account and sign in",
  },
  account: {
    title: "My account",
    details: "Your details",
    passwordHeading: "Change password",
    passwordIntro: "You stay signed in here; on every other device you are signed out.",
    passwordSubmit: "Change password",
    passwordChanged: "Your password has been changed. You have been signed out on other devices.",
    languageHeading: "Language",
    languageLegend: "In which language do you want to use Kring?",
    languageSubmit: "Save language",
    languageSaved: "Your language preference has been saved.",
  },
  errors: {
    emailInvalid: "Enter a valid email address, such as name@organisation.nl.",
    invalidCredentials: "The email address or the password is not correct.",
    throttled_one: "Too many failed attempts. Try again in {{count}} second.",
    throttled_other: "Too many failed attempts. Try again in {{count}} seconds.",
    passwordTooShort: "The password must be at least {{min}} characters long.",
    passwordTooLong: "The password may be at most {{max}} characters long.",
    passwordsDiffer: "The two passwords are not the same.",
    currentPasswordWrong: "Your current password is not correct.",
    samePassword: "Choose a password different from your current one.",
    setupDone: "Kring has already been set up. Sign in with your account.",
  },
};
