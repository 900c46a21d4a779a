/*
 * Dutch strings of the library screen (statuten, reglement, begroting,
 * notulen …). They load with that screen; their shape is the type the
 * English strings must match.
 */
export const documentNl = {
  title: "Documenten",
  intro: "De stukken van de coöperatie: statuten, huishoudelijk reglement, begroting, jaarverslag, ALV-stukken en notulen.",
  empty: "Er staan nog geen documenten klaar.",
  category: {
    statutes: "Statuten",
    rules: "Huishoudelijk reglement",
    budget: "Begroting",
    annual: "Jaarverslag",
    alv: "ALV-stukken",
    minutes: "Notulen",
    other: "Overig",
  },
  audience: {
    members: "Alle leden",
    board: "Alleen bestuur",
  },
  boardOnly: "Alleen voor het bestuur",
  noFile: "Nog geen bestand.",
  download: (name: string) => `Download ${name}`,
  version: (n: number) => `versie ${n}`,
  meta: (parts: string[]) => parts.join(" · "),
  earlier: (n: number) => `Eerdere versies (${n})`,
  size: { kB: (n: string) => `${n} kB`, MB: (n: string) => `${n} MB` },
  add: {
    title: "Document toevoegen",
    name: "Titel",
    kind: "Soort",
    readers: "Wie mag het lezen",
    submit: "Toevoegen",
    pending: "Toevoegen…",
    done: (title: string) => `"${title}" is toegevoegd. Upload nu het bestand.`,
  },
  upload: {
    label: "Nieuwe versie (PDF of afbeelding, tot 5 MB)",
    labelFirst: "Bestand (PDF of afbeelding, tot 5 MB)",
    submit: "Uploaden",
    pending: "Uploaden…",
    done: (name: string) => `${name} is geüpload.`,
  },
  details: {
    title: "Titel",
    kind: "Soort",
    readers: "Lezers",
    save: "Opslaan",
    pending: "Opslaan…",
    done: "Titel, soort en lezers zijn opgeslagen.",
    moved: (title: string, kind: string) => `"${title}" staat nu onder ${kind}.`,
    unchanged: "Er is niets veranderd.",
  },
  remove: {
    button: "Verwijderen",
    ariaLabel: (title: string) => `${title} verwijderen`,
    question: (title: string) => `"${title}" met alle versies verwijderen? Dit kan niet ongedaan worden.`,
    yes: "Ja, verwijderen",
    no: "Annuleren",
    pending: "Verwijderen…",
    done: (title: string) => `"${title}" is verwijderd.`,
  },
  manage: (title: string) => `Beheren: ${title}`,
  errors: {
    "document.choose": "Kies eerst een bestand.",
    "document.type": "Dit is geen PDF of afbeelding (JPEG, PNG of WebP). Kies een ander bestand.",
    "input.too_large": "Dit bestand is groter dan 5 MB. Maak het kleiner en probeer het opnieuw.",
    "document.changed": "Iemand anders heeft dit document net gewijzigd. Kijk opnieuw en probeer het nog eens.",
    "document.not_found": "Dit document bestaat niet (meer).",
    "document.no_file": "Van dit document is (die versie van) het bestand er niet.",
  } as Record<string, string>,
  fields: {
    title: "Vul een titel in (hoogstens 150 tekens).",
    name: "Geef het bestand een naam van letters, cijfers, spaties en . _ - ( ).",
  } as Record<string, string>,
};

export type DocumentDictionary = typeof documentNl;
