/*
 * Strings of the treasurer's journal downloads (docs/books.md), kept apart
 * from the contribution dictionaries; the Dutch shape is the type the English must match.
 */
export const booksNl = {
  title: "Boekhouding",
  intro: "Het journaal voor het boekhoudpakket: verschuldigde bijdragen, betalingen, tegenboekingen, inleg en terugbetalingen, in dubbel boekhouden.",
  period: "Periode",
  wholeYear: (year: number) => `Heel ${year}`,
  csv: "Journaal als CSV",
  xaf: "Auditfile (XAF 3.2)",
};

export type BooksDictionary = typeof booksNl;

export const booksEn: BooksDictionary = {
  title: "Bookkeeping",
  intro: "The journal for the bookkeeping package: contributions due, payments, counter-entries, deposits and refunds, in double entry.",
  period: "Period",
  wholeYear: (year: number) => `All of ${year}`,
  csv: "Journal as CSV",
  xaf: "Auditfile (XAF 3.2)",
};
