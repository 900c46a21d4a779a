import { Site } from "../farm/site";

/*
 * What a mail template is, and the formats templates share. Each domain keeps
 * its own templates beside it (<domain>/mail.ts) and hands one to Mail.compose,
 * so a function's bundle carries only the templates it sends; mail/templates.ts
 * lists them all by name.
 */
export type Locale = "nl" | "en";

/** A template takes its data and returns subject and plain text; the person's locale picks the language. */
export type Template<D> = Record<Locale, (data: D) => { subject: string; text: string }>;

/**
 * Links in mails point at the farm's own site: with several farms on one
 * deployment, farm B's mail must not open farm A (see farm/site.ts).
 */
export function siteURL(path: string) {
  return Site.url(path);
}

const localeTag = (l: Locale) => (l === "nl" ? "nl-NL" : "en-GB");
export function fmtNumber(n: number, l: Locale) {
  return new Intl.NumberFormat(localeTag(l), { maximumFractionDigits: 2 }).format(n);
}
/** Cents as "€ 2.000,00" / "€2,000.00". */
export function fmtMoney(cents: number, l: Locale) {
  return new Intl.NumberFormat(localeTag(l), { style: "currency", currency: "EUR" }).format(cents / 100);
}
/** "31 december 2029" from YYYY-MM-DD. */
export function fmtDate(date: string, l: Locale) {
  return new Intl.DateTimeFormat(localeTag(l), { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" }).format(new Date(`${date}T00:00:00Z`));
}
