import * as z from "zod";
import { Document } from "sepa";
import { electronicFormatIBAN, isValidIBAN } from "ibantools";
import { Clock } from "../clock";
import { VisibleError } from "../error";
import { Farm } from "../farm/farm";
import { Audit } from "../audit/audit";
import { Mandate } from "./mandate";
import { addDays, dateOf } from "./rules";
import { Statement } from "./statement";

/*
 * SEPA direct debit: a pain.008.001.02 file (the version Dutch banks accept)
 * of one month's instalments, for the households with an active mandate.
 * Built with the `sepa` library; one payment block per sequence type.
 */

export type Sequence = "FRST" | "RCUR";

export interface Collection {
  householdID: string;
  name: string;
  iban: string;
  bic?: string;
  mandateID: string;
  signedOn: string;
  amountCents: number;
  sequence: Sequence;
  endToEndID: string;
  remittance: string;
}

export interface Creditor {
  name: string;
  iban: string;
  bic?: string;
  creditorID: string;
}

/** Banks take the EPC Latin subset: accents dropped, anything else a space. */
export function sepaText(text: string, max: number) {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/&/g, "+")
    .replace(/[^A-Za-z0-9/?:().,'+ -]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, max);
}

/**
 * The date to ask the bank to collect: the due date, or when that is too
 * close or past, two days from today (banks want the file a business day
 * ahead); never on a weekend.
 */
export function collectionDate(due: string, today: string): string {
  let date = due > addDays(today, 1) ? due : addDays(today, 2);
  for (;;) {
    const day = new Date(`${date}T12:00:00Z`).getUTCDay();
    if (day !== 0 && day !== 6) return date;
    date = addDays(date, 1);
  }
}

/** `sepa` writes dates in the process's local time: local noon is the same day everywhere. */
function localDate(date: string) {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(y!, m! - 1, d!, 12);
}

/** The pain.008.001.02 document: FRST collections in one payment block, RCUR in another. */
export function directDebitXML(input: { messageID: string; created: Date; collectionDate: string; creditor: Creditor; collections: Collection[] }) {
  const doc = new Document("pain.008.001.02");
  doc.grpHdr.id = input.messageID;
  doc.grpHdr.created = input.created;
  doc.grpHdr.initiatorName = sepaText(input.creditor.name, 70);
  for (const sequence of ["FRST", "RCUR"] as const) {
    const list = input.collections.filter((c) => c.sequence === sequence);
    if (!list.length) continue;
    const info = doc.createPaymentInfo();
    info.sequenceType = sequence;
    info.collectionDate = localDate(input.collectionDate);
    info.creditorIBAN = input.creditor.iban;
    info.creditorBIC = input.creditor.bic ?? "";
    info.creditorName = sepaText(input.creditor.name, 70);
    info.creditorId = input.creditor.creditorID;
    info.batchBooking = true;
    doc.addPaymentInfo(info);
    for (const c of list) {
      const tx = info.createTransaction();
      tx.debtorName = sepaText(c.name, 70);
      tx.debtorIBAN = c.iban;
      tx.debtorBIC = c.bic ?? "";
      tx.mandateId = c.mandateID;
      tx.mandateSignatureDate = localDate(c.signedOn);
      tx.amount = c.amountCents / 100;
      tx.remittanceInfo = sepaText(c.remittance, 140);
      tx.end2endId = c.endToEndID;
      info.addTransaction(tx);
    }
  }
  return doc.toString();
}

const monthNames = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

export namespace Sepa {
  export const Summary = z.object({
    month: z.string(),
    collectionDate: z.string(),
    count: z.number(),
    totalCents: z.number(),
    first: z.number(),
    recurring: z.number(),
    collections: z.array(
      z.object({ householdID: z.string(), name: z.string(), amountCents: z.number(), sequence: z.enum(["FRST", "RCUR"]), mandateID: z.string() }),
    ),
  });
  export type Summary = z.infer<typeof Summary>;

  async function creditor(): Promise<Creditor> {
    const farm = await Farm.current();
    const iban = electronicFormatIBAN(farm.creditorIBAN ?? "") ?? "";
    if (!farm.creditorName || !farm.creditorID || !isValidIBAN(iban))
      throw new VisibleError("conflict", "sepa.not_configured", "Set the farm's creditor name, IBAN and creditor ID first.");
    return { name: farm.creditorName, iban, bic: farm.creditorBIC || undefined, creditorID: farm.creditorID };
  }

  /**
   * The collections of a month: for each household with an active mandate,
   * what is still open of that month's instalment. A mandate never collected
   * before (or first collected in this very month) is FRST, later ones RCUR.
   */
  export async function collections(year: number, month: number) {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    const [statements, mandates, farm] = await Promise.all([Statement.all(year), Mandate.all(), Farm.current()]);
    const active = new Map(mandates.filter((m) => m.status === "active").map((m) => [m.householdID, m]));
    const list: Collection[] = [];
    for (const s of statements) {
      const mandate = active.get(s.household.householdID);
      const instalment = s.result.instalments[month - 1]!;
      const open = instalment.amountCents - instalment.paidCents;
      if (!mandate || open <= 0) continue;
      list.push({
        householdID: s.household.householdID,
        name: mandate.accountHolder,
        iban: mandate.iban,
        bic: mandate.bic,
        mandateID: mandate.mandateID,
        signedOn: mandate.signedOn,
        amountCents: open,
        sequence: !mandate.firstCollection || mandate.firstCollection >= key ? "FRST" : "RCUR",
        endToEndID: `${key.replace("-", "")}-${s.household.householdID.slice(3).toUpperCase()}`,
        remittance: `Bijdrage ${monthNames[month - 1]} ${year} ${farm.name}`,
      });
    }
    return { key, collections: list.sort((a, b) => a.householdID.localeCompare(b.householdID)) };
  }

  /**
   * The month's pain.008 file. Making it counts as collecting: the mandates
   * in it are marked, so the next month is RCUR for them (making the same
   * month again gives the same sequence types).
   */
  export async function file(year: number, month: number): Promise<{ xml: string; summary: Summary }> {
    const cred = await creditor();
    const { key, collections: list } = await collections(year, month);
    if (!list.length) throw new VisibleError("conflict", "sepa.nothing_to_collect", `Nothing to collect for ${key}.`);
    const today = dateOf(Clock.now());
    const date = collectionDate(`${key}-01`, today);
    const xml = directDebitXML({
      messageID: `AKKER-${key.replace("-", "")}-${Clock.now().toString(36).toUpperCase()}`,
      created: new Date(Clock.now()),
      collectionDate: date,
      creditor: cred,
      collections: list,
    });
    await Mandate.markCollected(list.filter((c) => c.sequence === "FRST").map((c) => c.householdID), key);
    const summary = summarize(key, date, list);
    await Audit.record("sepa.file", key, { count: summary.count, totalCents: summary.totalCents, first: summary.first });
    return { xml, summary };
  }

  /** What the month's file would hold, without making it. */
  export async function preview(year: number, month: number): Promise<Summary> {
    const { key, collections: list } = await collections(year, month);
    return summarize(key, collectionDate(`${key}-01`, dateOf(Clock.now())), list);
  }

  function summarize(key: string, date: string, list: Collection[]): Summary {
    return {
      month: key,
      collectionDate: date,
      count: list.length,
      totalCents: list.reduce((n, c) => n + c.amountCents, 0),
      first: list.filter((c) => c.sequence === "FRST").length,
      recurring: list.filter((c) => c.sequence === "RCUR").length,
      collections: list.map((c) => ({ householdID: c.householdID, name: c.name, amountCents: c.amountCents, sequence: c.sequence, mandateID: c.mandateID })),
    };
  }
}
