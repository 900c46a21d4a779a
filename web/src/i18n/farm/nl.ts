/*
 * Dutch strings of the farm's own screens: the public farm page, the pickup
 * moments on a share, and the board's farm settings. They load with those
 * screens; their shape is the type the English strings must match.
 */
export const farmNl = {
  pickup: {
    title: "Ophalen",
    none: "De ophaalmomenten staan nog niet vast; het bestuur zet ze hier.",
    moment: (day: string, from: string, to: string) => `${day} ${from}–${to}`,
  },
  public: {
    title: "Over de boerderij",
    intro: (name: string) =>
      `${name} is een Herenboerderij: zo'n 200 huishoudens uit de buurt bezitten samen een boerderij. Een boer in dienst teelt groente en fruit en houdt dieren; elke week haal je je aandeel van de oogst op. Je betaalt een vaste bijdrage per mond, en je helpt een paar uur per jaar mee op het land.`,
    costs: "Wat het kost",
    deposit: "Inleg voor een certificaat",
    depositValue: (full: string, half: string) => `${full} (heel certificaat), ${half} (half certificaat)`,
    depositHint: (instalments: number, years: number) =>
      `In één keer of in ${instalments} termijnen. Je krijgt de inleg terug als je stopt; je bent minstens ${years} jaar lid.`,
    price: "Bijdrage per mond per week",
    priceValue: (amount: string, year: number) => `${amount} in ${year}`,
    vegetarianValue: (amount: string) => `${amount} zonder vlees`,
    noPrice: "De bijdrage voor dit jaar is nog niet vastgesteld.",
    mouthHint: "Een volwassene is één mond, een kind telt voor een deel.",
    pickup: "Waar en wanneer je ophaalt",
    waitlist: "De wachtlijst",
    waiting: (applications: number, mouths: string) =>
      applications === 0
        ? "Er staat nu niemand op de wachtlijst."
        : `Er ${applications === 1 ? "wacht 1 huishouden" : `wachten ${applications} huishoudens`} met samen ${mouths} op een plek.`,
    capacity: (mouths: string) => `De boerderij heeft plaats voor ${mouths}.`,
    apply: "Aanmelden voor de wachtlijst",
    privacy: "Privacy",
    privacyText: [
      "We bewaren alleen wat nodig is om de boerderij samen te runnen: namen en e-mailadressen van de mensen in een huishouden, de samenstelling van het huishouden, het oogstaandeel, de bijdrage en betalingen, gewerkte uren en of een huishouden heeft gestemd (nooit wat).",
      "Je gegevens staan in de EU en gaan naar niemand buiten de boerderij. Leden downloaden op Mijn gegevens alles wat we over hun huishouden bewaren. 30 dagen nadat een huishouden is vertrokken en alles is verrekend, wissen we de mensen; de boekhouding bewaren we zeven jaar, zoals de wet vraagt, zonder namen.",
    ],
    login: "Al lid? Inloggen",
  },
  settings: {
    title: "Instellingen van de boerderij",
    intro: "Wat hier staat, geldt meteen voor iedereen.",
    capacity: "Capaciteit in monden",
    capacityHint: "Zoveel monden kan de boerderij voeden. De wachtlijst biedt plekken aan tot dit aantal.",
    optOut: "Afmelden voor een week kan tot",
    daysBefore: "Dagen voor de maandag",
    daysBeforeHint: (example: string) => `4 dagen betekent donderdag. Nu: ${example}.`,
    time: "Tijd",
    childFactor: "Kindfactor",
    childFactorHint: "Hoeveel een kind telt als mond, tussen 0 en 1. Bij 0,5 zijn twee kinderen één mond.",
    targetHours: "Meewerkuren per huishouden per seizoen",
    targetHoursHint: "Leden zien hun voortgang; het is een uitnodiging, nooit een boete.",
    maxProxies: "Volmachten per huishouden",
    maxProxiesHint: "Hoeveel andere huishoudens één huishouden bij een stemming mag vertegenwoordigen.",
    pickup: "Ophaalmomenten",
    pickupHint: "Eén of meer momenten per week. Ze staan bij elk oogstaandeel, in de oogstmail en op de openbare pagina.",
    moment: (n: number) => `Ophaalmoment ${n}`,
    weekday: "Dag",
    from: "Van",
    to: "Tot",
    place: "Plaats",
    placeHint: "Bijvoorbeeld: de schuur op de boerderij, met het adres",
    addMoment: "Ophaalmoment toevoegen",
    removeMoment: (n: number) => `Ophaalmoment ${n} verwijderen`,
    save: "Instellingen opslaan",
    saving: "Opslaan…",
    saved: "De instellingen zijn opgeslagen.",
    reload: "Opnieuw laden",
    optOutExample: (day: string, time: string) => `${day} ${time}`,
  },
  errors: {
    "farm.changed": "Iemand anders heeft de instellingen net gewijzigd. Laad ze opnieuw en breng je wijziging daarna weer aan.",
  } as Record<string, string>,
  fields: {
    capacityMouths: "Vul een heel aantal monden in, van 1 tot 10.000.",
    optOutDaysBefore: "Vul een heel aantal dagen in, van 0 tot 14.",
    optOutTime: "Vul een tijd in als 18:00.",
    childFactor: "Vul een getal in van 0 tot 1, bijvoorbeeld 0,5.",
    targetHours: "Vul een aantal uren in van 0 tot 1000.",
    maxProxies: "Vul een heel aantal in, van 0 tot 10.",
    from: "Vul een tijd in als 16:00.",
    to: "Vul een tijd in als 19:00, later dan het begin.",
    place: "Zeg waar het ophalen is, in hoogstens 100 tekens.",
    pickup: "Hoogstens 14 ophaalmomenten.",
  } as Record<string, string>,
};

export type FarmDictionary = typeof farmNl;
