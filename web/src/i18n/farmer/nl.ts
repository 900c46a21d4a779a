/*
 * Dutch strings of the farmer's harvest screens beyond the entry itself:
 * the catalogue, the summary per crop, the pick list grid and the pickup.
 * They load with those screens; their shape is the type English must match.
 */
export const farmerNl = {
  next: {
    finding: "De week om in te voeren zoeken…",
  },
  catalogue: {
    heading: "Uit de catalogus",
    hint: "Eén tik zet een gewas erbij, met de eenheid, stap en vlees van de vorige keer.",
  },
  row: {
    more: (crop: string) => `Meer ${crop || "van dit gewas"}`,
    less: (crop: string) => `Minder ${crop || "van dit gewas"}`,
    details: "Eenheid, stap en vlees",
    summary: (unit: string, step: string, meat: boolean) => `${unit} · stap ${step}${meat ? " · vlees" : ""}`,
  },
  summary: {
    caption: "Per gewas",
    crop: "Gewas",
    perMouth: "Per mond",
    range: "Per huishouden",
    none: "Krijgen niets",
    left: "Over",
    rangeText: (min: string, max: string) => (min === max ? min : `${min} – ${max}`),
    noneCount: (n: number) => (n === 0 ? "–" : n === 1 ? "1 huishouden" : `${n} huishoudens`),
  },
  households: {
    show: (n: number) => `Alle ${n} huishoudens bekijken`,
    search: "Huishouden zoeken",
    found: (n: number, of: number) => `${n} van ${of} huishoudens`,
  },
  actions: {
    label: "Verdeling",
    picklist: "Paklijst",
    pickup: "Ophalen afvinken",
  },
  grid: {
    caption: "Per huishouden en gewas",
    household: "Huishouden",
    mouths: "Monden",
    handover: "Haalt op",
    done: "Opgehaald",
    total: "Totaal",
  },
  pickup: {
    title: "Ophalen",
    heading: (week: string) => `Ophalen ${week}`,
    intro: "Vink af wie het aandeel heeft opgehaald. Op meer telefoons tegelijk kan ook: er gaat niets verloren.",
    notPublished: "Deze week is nog niet gepubliceerd; er is nog niets op te halen.",
    count: (done: number, of: number) => `${done} van ${of} opgehaald`,
    collected: (name: string) => `${name} heeft opgehaald`,
    search: "Huishouden zoeken",
    handedTo: (name: string) => `haalt op: ${name}`,
    close: "Ophalen afsluiten",
    closeHint: "Wat niet is opgehaald wordt geteld. Waar gaat het heen?",
    destination: "Bestemming",
    destinations: { free_table: "Weggeeftafel", food_bank: "Voedselbank", counted: "Alleen tellen" },
    closeButton: "Afsluiten en tellen",
    closing: "Tellen…",
    closed: (n: number, where: string) =>
      `${n === 1 ? "1 aandeel is" : `${n} aandelen zijn`} niet opgehaald (${where}).`,
    countedItself: (n: number) =>
      `Het ophalen is voorbij: ${n === 1 ? "1 aandeel is" : `${n} aandelen zijn`} niet opgehaald, vanzelf geteld. Sluit af om te zeggen waar het heen ging.`,
    automatic: "Vanzelf geteld",
    recount: "Opnieuw tellen",
    season: "Niet opgehaald dit seizoen",
    seasonEmpty: "Nog geen week van dit seizoen is afgesloten of voorbij.",
    week: "Week",
    notCollected: "Niet opgehaald",
    where: "Bestemming",
    what: "Wat",
    back: (week: string) => `Terug naar ${week}`,
  },
  errors: {
    "harvest.not_published": "Deze week is nog niet gepubliceerd; er is nog niets op te halen.",
    "harvest.no_share": "Dit huishouden heeft geen aandeel in de gepubliceerde verdeling van deze week.",
  } as Record<string, string>,
  fields: { destination: "Kies waar het heen gaat." } as Record<string, string>,
};

export type FarmerDictionary = typeof farmerNl;
