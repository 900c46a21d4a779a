/*
 * Strings of the treasurer's overview of arrears, its reminder schedule and
 * the household picker, kept apart from the contribution dictionaries; the
 * Dutch shape is the type the English must match.
 */
export const arrearsNl = {
  figures: "Stand van het jaar",
  due: "Verschuldigd tot nu",
  paid: "Ontvangen",
  open: "Nog niet betaald",
  toCollect: "Nog te innen",
  late: "Achterstand",
  budget: "Begroting",
  contribution: "Jaarbijdrage samen",
  difference: (amount: string, over: boolean) => (over ? `${amount} boven de begroting` : `${amount} onder de begroting`),
  lateHint: (days: number) =>
    `Achterstand: ${days} dagen na de betaaldatum nog niet betaald. De betaaldatum is de 1e van de maand bij overmaken, de incassodatum bij automatische incasso.`,
  list: "Per huishouden",
  search: "Zoek een huishouden",
  searchHint: "Op naam of nummer",
  filters: "Toon",
  filter: { all: "Alle", late: "Met achterstand", open: "Nog open", paid: "Betaald", noMandate: "Zonder machtiging" },
  shown: (n: number, of: number) => (n === of ? `${n} huishoudens` : `${n} van ${of} huishoudens`),
  none: "Geen huishoudens bij deze keuze.",
  household: "Huishouden",
  yearly: "Jaarbedrag",
  daysLate: "Dagen",
  mandate: "Incasso",
  yes: "ja",
  no: "nee",
  sortBy: (column: string) => `Sorteer op ${column}`,
  sorted: { ascending: "oplopend", descending: "aflopend" },
  paymentHint: "Voor geld dat binnenkwam zonder bankbestand, of contant.",
  reminders: "Herinneringen bij achterstand",
  remindersHint: (grace: number) =>
    `Een vriendelijke mail aan alleen de leden van het huishouden, met hoe ze kunnen betalen, de solidariteitsregeling en jouw adres. Per stap één keer per termijn. Achterstand begint ${grace} dagen na de betaaldatum.`,
  steps: "Na hoeveel dagen",
  stepsHint: "Dagen na de betaaldatum, met komma's: bijvoorbeeld 14, 30. Leeg: geen herinneringen.",
  contact: "Contactadres voor leden",
  contactHint: "Meestal je eigen adres als penningmeester.",
  remindersSave: "Herinneringen opslaan",
  remindersSaving: "Opslaan…",
  remindersSaved: (steps: number[]) =>
    steps.length ? `Opgeslagen: herinneringen na ${steps.join(" en ")} dagen.` : "Opgeslagen: er gaan geen herinneringen uit.",
  remindersOff: "Er gaan nog geen herinneringen uit.",
  fields: {
    steps: "Vul dagen in van 5 tot 365, elk later dan de vorige, hoogstens vijf: bijvoorbeeld 14, 30.",
    contact: "Vul een geldig e-mailadres in.",
  } as Record<string, string>,
};

export type ArrearsDictionary = typeof arrearsNl;

export const arrearsEn: ArrearsDictionary = {
  figures: "The year so far",
  due: "Due so far",
  paid: "Received",
  open: "Not paid yet",
  toCollect: "Still to collect",
  late: "Arrears",
  budget: "Budget",
  contribution: "Yearly contributions together",
  difference: (amount: string, over: boolean) => (over ? `${amount} over the budget` : `${amount} under the budget`),
  lateHint: (days: number) =>
    `Arrears: not paid ${days} days after the pay-by date. The pay-by date is the 1st of the month for a transfer, the collection date for a direct debit.`,
  list: "Per household",
  search: "Find a household",
  searchHint: "By name or number",
  filters: "Show",
  filter: { all: "All", late: "In arrears", open: "Still open", paid: "Paid", noMandate: "No mandate" },
  shown: (n: number, of: number) => (n === of ? `${n} households` : `${n} of ${of} households`),
  none: "No households for this choice.",
  household: "Household",
  yearly: "Yearly amount",
  daysLate: "Days",
  mandate: "Direct debit",
  yes: "yes",
  no: "no",
  sortBy: (column: string) => `Sort by ${column}`,
  sorted: { ascending: "ascending", descending: "descending" },
  paymentHint: "For money that came in without a bank file, or in cash.",
  reminders: "Reminders for arrears",
  remindersHint: (grace: number) =>
    `A friendly mail to the household's own people only, with how to pay, the solidarity scheme and your address. Each step once per instalment. Arrears start ${grace} days after the pay-by date.`,
  steps: "After how many days",
  stepsHint: "Days after the pay-by date, with commas: for example 14, 30. Empty: no reminders.",
  contact: "Contact address for members",
  contactHint: "Usually your own address as treasurer.",
  remindersSave: "Save reminders",
  remindersSaving: "Saving…",
  remindersSaved: (steps: number[]) => (steps.length ? `Saved: reminders after ${steps.join(" and ")} days.` : "Saved: no reminders go out."),
  remindersOff: "No reminders go out yet.",
  fields: {
    steps: "Give days from 5 to 365, each later than the one before, at most five: for example 14, 30.",
    contact: "Give a valid e-mail address.",
  },
};

export const pickerNl = {
  hint: "Typ een deel van de naam of het nummer en kies.",
  found: (n: number, shown: number) => (n > shown ? `${n} gevonden, de eerste ${shown} staan in de lijst` : n === 1 ? "1 gevonden" : `${n} gevonden`),
  none: "Geen huishouden gevonden.",
};

export const pickerEn: typeof pickerNl = {
  hint: "Type part of the name or number and choose.",
  found: (n: number, shown: number) => (n > shown ? `${n} found, the first ${shown} are listed` : n === 1 ? "1 found" : `${n} found`),
  none: "No household found.",
};
