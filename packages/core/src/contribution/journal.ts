import * as z from "zod/mini";
import { assertRole, useFarmID } from "../actor";
import { amount, toCSV, type Cell } from "../csv";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { Farm } from "../farm/farm";
import { Payment } from "./payment";
import { Statement } from "./statement";

/**
 * The books: a month's or a year's journal of what the platform knows about
 * money, in double entry, for the farm's bookkeeping package: contributions
 * falling due, payments and their counter-entries (the ledger), deposits on
 * certificates and their refunds. Chart of accounts and the why of each
 * booking: docs/books.md. Written as a plain CSV journal (here) and as an
 * XML Auditfile Financieel 3.2 (xaf.ts).
 */
export namespace Journal {
  /** The chart of accounts. `relation`: its lines name the household (debtor, or member who lent the deposit). */
  export const accounts = {
    deposits: { id: "0700", name: "Inleg certificaten van leden", type: "B", relation: true },
    bank: { id: "1100", name: "Bank", type: "B", relation: false },
    receivable: { id: "1300", name: "Debiteuren: bijdragen van huishoudens", type: "B", relation: true },
    contributions: { id: "8000", name: "Opbrengst bijdragen", type: "P", relation: false },
  } as const;
  export type Account = keyof typeof accounts;

  /** The day books (dagboeken); `type` is XAF's journal type: S sales, B bank. */
  export const journals = {
    contributions: { id: "BIJ", name: "Bijdragen (verschuldigd per maand)", type: "S" },
    bank: { id: "BNK", name: "Bank", type: "B" },
  } as const;
  export type DayBook = keyof typeof journals;

  /**
   * How each kind of ledger entry is booked: the accounts for money coming
   * in; a negative amount (a reversal, a returned debit) books the other way
   * round. A new kind of ledger entry needs its row here (the type says so).
   */
  export const ledgerPostings: Record<Payment.Info["kind"], { journal: DayBook; debit: Account; credit: Account; text: string }> = {
    payment: { journal: "bank", debit: "bank", credit: "receivable", text: "Betaling bijdrage" },
    reversal: { journal: "bank", debit: "bank", credit: "receivable", text: "Tegenboeking betaling" },
    collection: { journal: "bank", debit: "bank", credit: "receivable", text: "Incasso bijdrage" },
    return: { journal: "bank", debit: "bank", credit: "receivable", text: "Storno incasso" },
  };

  export interface Line {
    account: Account;
    debitCents: number;
    creditCents: number;
    /** The household, on the lines of an account kept per relation. */
    householdID: string | null;
  }

  export interface Transaction {
    journal: DayBook;
    /** The document (boekstuk): stable across exports, so a package can tell one booking imported twice. */
    document: string;
    /** YYYY-MM-DD */
    date: string;
    description: string;
    householdID: string;
    lines: Line[];
  }

  export interface Sources {
    /** YYYY-MM-DD, both included. */
    from: string;
    to: string;
    names: ReadonlyMap<string, string>;
    dues: readonly { householdID: string; month: string; due: string; amountCents: number }[];
    ledger: readonly Pick<Payment.Info, "id" | "householdID" | "kind" | "amountCents" | "date" | "reference">[];
    deposits: readonly { reference: string; householdID: string; amountCents: number; date: string }[];
    refunds: readonly { householdID: string; date: string; amountCents: number }[];
  }

  export const monthNames = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

  /** Two lines that balance: `debit` gets the amount, `credit` its counterpart; a negative amount swaps them. */
  function booking(debit: Account, credit: Account, cents: number, householdID: string): Line[] {
    const [to, from] = cents >= 0 ? [debit, credit] : [credit, debit];
    const abs = Math.abs(cents);
    const relation = (a: Account) => (accounts[a].relation ? householdID : null);
    return [
      { account: to, debitCents: abs, creditCents: 0, householdID: relation(to) },
      { account: from, debitCents: 0, creditCents: abs, householdID: relation(from) },
    ];
  }

  /** The journal of a period from its sources: pure, so tests and the bench can run it alone. */
  export function build(s: Sources): Transaction[] {
    const within = (date: string) => date >= s.from && date <= s.to;
    const name = (householdID: string) => s.names.get(householdID) ?? householdID;
    const out: Transaction[] = [];
    const add = (t: Omit<Transaction, "lines">, debit: Account, credit: Account, cents: number) => {
      if (cents !== 0 && within(t.date)) out.push({ ...t, lines: booking(debit, credit, cents, t.householdID) });
    };
    for (const d of s.dues) {
      const [year, month] = d.month.split("-");
      const description = `Bijdrage ${monthNames[Number(month) - 1]} ${year} – ${name(d.householdID)}`;
      // month and the household's ULID: short, as packages keep their document numbers short, and unique
      const document = `${year}${month}-${d.householdID.replace(/^hh_/, "")}`;
      add({ journal: "contributions", document, date: d.due, description, householdID: d.householdID }, "receivable", "contributions", d.amountCents);
    }
    for (const e of s.ledger) {
      const p = ledgerPostings[e.kind];
      const description = `${p.text} – ${name(e.householdID)} – ${e.reference}`;
      add({ journal: p.journal, document: e.id, date: e.date, description, householdID: e.householdID }, p.debit, p.credit, e.amountCents);
    }
    for (const d of s.deposits) {
      const description = `Inleg certificaat – ${name(d.householdID)} – ${d.reference}`;
      add({ journal: "bank", document: `inleg ${d.reference}`, date: d.date, description, householdID: d.householdID }, "bank", "deposits", d.amountCents);
    }
    for (const r of s.refunds) {
      const description = `Terugbetaling inleg – ${name(r.householdID)}`;
      add({ journal: "bank", document: `inleg terug ${r.householdID}`, date: r.date, description, householdID: r.householdID }, "deposits", "bank", r.amountCents);
    }
    return out.sort((a, b) => a.date.localeCompare(b.date) || a.journal.localeCompare(b.journal) || a.document.localeCompare(b.document));
  }

  const periodMessage = "The period is a year (YYYY) or a month (YYYY-MM), from 2000 to 2200.";
  /** A year (`2027`) or a month (`2027-03`). */
  export const Period = z
    .string(periodMessage)
    .check(z.refine((p) => /^\d{4}(-(0[1-9]|1[0-2]))?$/.test(p) && p.slice(0, 4) >= "2000" && p.slice(0, 4) <= "2200", periodMessage));

  /** First and last day of a period. */
  export function range(period: string): { year: number; from: string; to: string; months: number[] } {
    const year = Number(period.slice(0, 4));
    if (period.length === 4) return { year, from: `${period}-01-01`, to: `${period}-12-31`, months: [...Array(12).keys()].map((i) => i + 1) };
    const month = Number(period.slice(5, 7));
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return { year, from: `${period}-01`, to: `${period}-${String(last).padStart(2, "0")}`, months: [month] };
  }

  export interface Books {
    farm: string;
    period: string;
    from: string;
    to: string;
    year: number;
    months: number[];
    names: ReadonlyMap<string, string>;
    transactions: Transaction[];
  }

  /** A year's dues, or none while its contribution is not entered or confirmed. */
  async function duesOf(year: number): Promise<Sources["dues"]> {
    try {
      const all = await Statement.all(year);
      return all.flatMap((s) => s.result.instalments.map((i) => ({ householdID: s.household.householdID, month: i.month, due: i.due, amountCents: i.amountCents })));
    } catch (err) {
      if (err instanceof VisibleError && (err.code === "season.not_found" || err.code === "season.not_confirmed")) return [];
      throw err;
    }
  }

  /** The deposit payments of households that paid any (build keeps those of the period). */
  async function depositsOf(householdIDs: string[]): Promise<Sources["deposits"]> {
    const farmID = useFarmID();
    const out: Sources["deposits"][number][] = [];
    for (let i = 0; i < householdIDs.length; i += 25) {
      const chunk = await Promise.all(
        householdIDs.slice(i, i + 25).map((householdID) => useDB().entities.depositPayment.query.byHousehold({ farmID, householdID }).go({ pages: "all" })),
      );
      for (const res of chunk) out.push(...res.data.map((p) => ({ reference: p.reference, householdID: p.householdID, amountCents: p.amountCents, date: p.date })));
    }
    return out;
  }

  /** The treasurer's books for a period, read from the ledger, the statements and the certificates. */
  export async function forPeriod(period: string): Promise<Books> {
    assertRole("treasurer");
    const parsed = Period.safeParse(period);
    if (!parsed.success) throw new VisibleError("input", "input.invalid", periodMessage, [{ path: "period", message: periodMessage }]);
    const { year, from, to, months } = range(period);
    const farmID = useFarmID();
    // money is booked on its date, but counts for a contribution year that may be the one before or after
    const [farm, households, certificates, dues, ...ledgers] = await Promise.all([
      Farm.current(),
      useDB().entities.household.query.byID({ farmID }).go({ pages: "all" }),
      useDB().entities.certificate.query.byHousehold({ farmID }).go({ pages: "all" }),
      duesOf(year),
      ...[year - 1, year, year + 1].map((y) => Payment.ofYear(y)),
    ]);
    const deposits = await depositsOf(certificates.data.filter((c) => c.paidCents > 0).map((c) => c.householdID));
    const refunds = certificates.data.flatMap((c) => (c.refundedAt ? [{ householdID: c.householdID, date: c.refundedAt, amountCents: c.refundedCents ?? 0 }] : []));
    const names = new Map(households.data.map((h) => [h.householdID, h.name]));
    const transactions = build({ from, to, names, dues, ledger: ledgers.flat(), deposits, refunds });
    return { farm: farm.name, period, from, to, year, months, names, transactions };
  }

  /** "01-03-2027": the date as Dutch spreadsheets and bookkeeping imports read it. */
  export function dutchDate(date: string) {
    return `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}`;
  }

  /**
   * The journal as CSV: one line per booking line, debit and credit in
   * columns of their own, the relation by household ID.
   */
  export function csv(books: Books): string {
    const rows: Cell[][] = books.transactions.flatMap((t) =>
      t.lines.map((l) => [
        dutchDate(t.date),
        journals[t.journal].id,
        t.document,
        accounts[l.account].id,
        t.description,
        l.debitCents ? amount(l.debitCents) : null,
        l.creditCents ? amount(l.creditCents) : null,
        l.householdID,
      ]),
    );
    return toCSV(["datum", "dagboek", "boekstuk", "rekening", "omschrijving", "debet", "credit", "relatie"], rows);
  }
}
