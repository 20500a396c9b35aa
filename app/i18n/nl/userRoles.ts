export const userRoles = {
  roleInRegion: "{{role}} in {{region}}",
  roleNetworkWide: "{{role}} in het hele netwerk",
  none: "geen rol",
  switcher: {
    label: "Regio",
    all: "Alle regio's",
    submit: "Regio kiezen",
  },
  form: {
    legend: "Rollen",
    intro:
      "Een rol in het hele netwerk geldt in elke regio; een rol in een regio alleen daar. Wie beide heeft, mag in die regio wat een van de twee rollen toestaat. Gebruikers, regio's, het logboek, privacy en agenda-abonnementen beheren vraagt de rol beheerder in het hele netwerk.",
    network: "In het hele netwerk",
    region: "In {{region}}",
    noRole: "Geen",
  },
  account: {
    roles: "Rollen",
  },
  errors: {
    noRole: "Geef de gebruiker minstens één rol, in het hele netwerk of in een regio.",
    regionUnknown: "Deze regio bestaat niet meer. Laad de pagina opnieuw.",
  },
} as const;
