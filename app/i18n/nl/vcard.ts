export const vcard = {
  person: "vCard (adresboek)",
  list: "Lijst als vCard",
};
