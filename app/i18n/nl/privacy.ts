export const privacy = {
  title: "Privacyverklaring",
  lead: "Hoe het netwerk Gezond Zuid-Limburg in Kring, zijn contact- en governanceregister, met uw persoonsgegevens omgaat.",
  controller: {
    heading: "Wie is verantwoordelijk",
    body: "Verwerkingsverantwoordelijke is de netwerkorganisatie Gezond Zuid-Limburg: Netwerkondersteuning Gezond Zuid-Limburg, het bureau dat het netwerk ondersteunt. Vragen over deze verklaring en over uw gegevens stelt u aan dat bureau.",
  },
  data: {
    heading: "Welke gegevens",
    intro: "Van mensen die in het netwerk werken of in een van zijn gremia zitting hebben, houdt Kring bij:",
    contact: "contactgegevens: naam, aanhef, titel, e-mailadressen, telefoonnummer en voorkeurstaal;",
    jobs: "functies: bij welke organisatie u werkt, in welke functie en sinds en tot wanneer;",
    seats:
      "zetels: in welke gremia (werkgroepen, regiegroepen, overleggen) u zitting heeft, voor welke organisatie, en sinds en tot wanneer;",
    attendance: "aanwezigheid bij vergaderingen van die gremia;",
    panel:
      "deelname aan onderzoek: of u in een panel van een netwerkonderzoek zat, of u de vragenlijst invulde, en uw toestemmingen voor onderzoeksmail;",
    mailings: "mailings: welke berichten van het netwerk naar u zijn verstuurd, en of een adres onbestelbaar was;",
    audit: "het logboek: wie wat wanneer in het register heeft veranderd.",
  },
  purposes: {
    heading: "Waarvoor en op welke grondslag",
    governance:
      "Het netwerk bijhouden en laten werken: weten wie waar zitting heeft, vergaderingen voorbereiden en verantwoorden, contact houden. Grondslag: gerechtvaardigd belang van de netwerkorganisatie en haar partners bij een werkende samenwerking (artikel 6 lid 1 onder f AVG).",
    research:
      "Onderzoek onder de mensen in het netwerk, zoals de jaarlijkse netwerkmeting, en de mail die daarbij hoort. Grondslag: uw toestemming (artikel 6 lid 1 onder a AVG); u kunt die altijd intrekken, zonder dat dat gevolgen heeft voor uw plaats in het netwerk.",
    audit:
      "Het logboek bewijst wie wat veranderde en beschermt zo de juistheid van het register. Grondslag: gerechtvaardigd belang.",
  },
  retention: {
    heading: "Hoe lang",
    body: "Zolang u een functie of zetel in het netwerk heeft. Daarna beoordeelt het bureau uw gegevens na een bewaartermijn van {{count}} maanden na het einde van uw laatste functie of zetel; wie niet meer nodig is, wordt gearchiveerd of gewist.",
    backups:
      "Back-ups van het register worden beveiligd bewaard en na hun eigen, korte termijn overschreven; gewiste gegevens verdwijnen daarmee ook uit de back-ups.",
  },
  recipients: {
    heading: "Wie de gegevens ontvangt",
    body: "Gebruikers van Kring bij het bureau, elk met alleen de rechten die hun taak vraagt. Partners in het netwerk zien de samenstelling van gremia. Voor onderzoek gaan gegevens naar de vragenlijstdienst alleen gepseudonimiseerd: met een code in plaats van naam en adres. Gegevens worden niet verkocht en niet buiten de Europese Economische Ruimte verwerkt.",
  },
  rights: {
    heading: "Uw rechten",
    intro: "U heeft het recht op:",
    access: "inzage: welke gegevens wij van u hebben;",
    rectification: "correctie van gegevens die niet kloppen;",
    erasure: "wissen van uw gegevens als ze niet meer nodig zijn of u uw toestemming intrekt;",
    objection: "bezwaar tegen verwerking op grond van gerechtvaardigd belang.",
    how: "Een verzoek doet u bij Netwerkondersteuning Gezond Zuid-Limburg. Wij antwoorden binnen een maand en vragen u zo nodig eerst te laten zien dat het om uw eigen gegevens gaat.",
  },
  unsubscribe: {
    heading: "Afmelden voor mail",
    body: "Onder elke mail van het netwerk staat een link om u af te melden. Bent u die kwijt, vraag dan een nieuwe aan op de afmeldpagina.",
    link: "Naar de afmeldpagina",
  },
  security: {
    heading: "Beveiliging",
    body: "Kring is alleen bereikbaar na inloggen met een persoonlijk account en een sterk wachtwoord, over een versleutelde verbinding. Elke wijziging staat in een logboek dat niet achteraf te veranderen is. Onderzoeksgegevens worden gepseudonimiseerd en afmeldlinks zijn ondertekend en verlopen.",
  },
  complaint: {
    heading: "Klacht",
    body: "Bent u niet tevreden over hoe wij met uw gegevens omgaan, meld dat dan eerst bij het bureau. U kunt ook een klacht indienen bij de Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl).",
  },
  link: "Privacyverklaring",
} as const;
