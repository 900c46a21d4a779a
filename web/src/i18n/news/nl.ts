/*
 * Dutch strings of news: the card on the home screen, a post's own page and
 * the compose screen. They load with those; their shape is the type the
 * English strings must match.
 */
export const newsNl = {
  title: "Nieuws",
  empty: "Nog geen nieuws.",
  weekNote: (week: string) => `Van de boer, ${week}`,
  by: (author: string, when: string) => `${author} · ${when}`,
  boardOnly: "Alleen voor het bestuur",
  more: "Lees verder",
  photoOf: (title: string, n: number, of: number) => (of > 1 ? `Foto ${n} van ${of} bij "${title}"` : `Foto bij "${title}"`),
  photos: (n: number) => (n === 1 ? "1 foto" : `${n} foto's`),
  write: "Nieuws schrijven",
  back: "Terug naar het begin",
  edit: "Bewerken",
  compose: {
    title: "Nieuws schrijven",
    editTitle: "Nieuws bewerken",
    heading: "Titel",
    text: "Tekst",
    textHint: "Gewone tekst: een lege regel begint een nieuwe alinea, een webadres wordt een link.",
    photos: "Foto's",
    photosHint: (max: number) => `Tot ${max} foto's; ze worden op je telefoon verkleind voor ze verstuurd worden.`,
    camera: "Foto maken",
    pick: "Foto's kiezen",
    preparing: "Foto klaarmaken…",
    remove: (n: number) => `Foto ${n} weghalen`,
    preview: "Voorbeeld",
    audience: "Voor wie",
    audienceMembers: "Alle leden",
    audienceBoard: "Alleen het bestuur",
    mail: "Ook mailen",
    mailHint: "Iedereen voor wie het is krijgt het ook per mail.",
    submit: "Plaatsen",
    save: "Opslaan",
    uploading: (n: number, of: number) => `Foto ${n} van ${of} versturen…`,
    pending: "Plaatsen…",
    tooMany: (max: number) => `Hoogstens ${max} foto's per bericht.`,
    notAPhoto: (name: string) => `${name} is geen foto die we kunnen lezen.`,
  },
  remove: {
    button: "Verwijderen",
    question: (title: string) => `"${title}" met de foto's verwijderen? Dit kan niet ongedaan worden.`,
    yes: "Ja, verwijderen",
    no: "Annuleren",
    pending: "Verwijderen…",
  },
  errors: {
    "news.photo.type": "Dit is geen foto (JPEG, PNG of WebP). Kies een andere.",
    "news.photo.too_big": "Deze foto is te groot. Kies hem opnieuw, dan wordt hij verkleind.",
    "news.photo.too_large": "Deze foto is te groot. Kies hem opnieuw, dan wordt hij verkleind.",
    "input.too_large": "Deze foto is te groot. Kies hem opnieuw, dan wordt hij verkleind.",
    "news.photo.unknown": "Een foto is niet goed aangekomen. Haal hem weg en voeg hem opnieuw toe.",
    "news.photo.used": "Een foto zit al in een ander bericht. Voeg hem opnieuw toe.",
    "news.not_found": "Dit bericht bestaat niet (meer).",
    "news.not_author": "Alleen wie het schreef of het bestuur kan dit bericht wijzigen.",
    "news.changed": "Iemand anders heeft dit bericht net gewijzigd. Open het opnieuw.",
  } as Record<string, string>,
  fields: {
    title: "Vul een titel in (hoogstens 150 tekens).",
    text: "De tekst is te lang (hoogstens 10.000 tekens).",
    photoIDs: "Hoogstens 6 foto's, elk één keer.",
  } as Record<string, string>,
};

export type NewsDictionary = typeof newsNl;
