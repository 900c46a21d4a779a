import * as z from "zod/mini";
import { Clock } from "../clock";
import { VisibleError } from "../error";
import { Farm } from "../farm/farm";
import { Audit } from "../audit/audit";
import { bicFitsIBAN, electronicFormatIBAN, isValidIBAN, mod97 } from "./iban";
import { Mandate } from "./mandate";
import { addDays, dateOf, isDate } from "./rules";
import { Statement } from "./statement";

/*
 * SEPA direct debit: a pain.008.001.02 file (the version Dutch banks accept)
 * of one month's instalments, for the households with an active mandate,
 * one payment block per sequence type. Written here rather than with the
 * `sepa` package (14.5 kB in the contribution Lambda): the same document,
 * element for element, and the same checks before a file is made.
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

const namespace = "urn:iso:std:iso:20022:tech:xsd:pain.008.001.02";
const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text as XML: the five special characters escaped; what XML 1.0 cannot hold at all is refused. */
function xmlText(value: string) {
  if (/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(value)) throw new Error(`Not valid XML text: ${JSON.stringify(value)}`);
  return value.replace(/[&<>"']/g, (c) => escapes[c]!);
}

/** An element of text; empty text an empty element. */
function leaf(name: string, value: string, attributes = "") {
  return value ? `<${name}${attributes}>${xmlText(value)}</${name}>` : `<${name}${attributes}/>`;
}

/** An element of elements. */
function node(name: string, ...children: string[]) {
  return `<${name}>${children.join("")}</${name}>`;
}

/** Cents as the decimal euros of the file, from integers: 4335 → "43.35". */
function euros(cents: number) {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The creation time, without a zone: the process's local time (UTC in Lambda), as the `sepa` package wrote it. */
function localDateTime(d: Date) {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

function check(condition: boolean, message: string) {
  if (!condition) throw new Error(`SEPA file: ${message}`);
}

/** An ID such as the mandate reference or end-to-end ID: 1 to 35 characters, not starting with / nor holding //. */
function checkID(id: string, what: string) {
  check(id.length >= 1 && id.length <= 35 && !id.startsWith("/") && !id.includes("//"), `invalid ${what} "${id}"`);
}

/** The account's IBAN is valid and its BIC, when given, an 8 or 11 character one of the IBAN's country. */
function checkAccount(iban: string, bic: string, who: string) {
  check(isValidIBAN(iban), `invalid IBAN of ${who} "${iban}"`);
  check(bic.length === 0 || bic.length === 8 || bic.length === 11, `invalid BIC of ${who} "${bic}"`);
  check(!bic || bicFitsIBAN(bic, iban), `BIC "${bic}" of ${who} is not of the IBAN's country`);
}

/** The bank of an account: its BIC, or NOTPROVIDED (SEPA lets the bank find it from the IBAN). */
function agent(name: string, bic: string) {
  return node(name, node("FinInstnId", bic ? leaf("BIC", bic) : node("Othr", leaf("Id", "NOTPROVIDED"))));
}

/**
 * The pain.008.001.02 document: FRST collections in one payment block, RCUR
 * in another, each with its number of transactions and control sum (summed
 * in cents), as is the whole file's.
 */
export function directDebitXML(input: { messageID: string; created: Date; collectionDate: string; creditor: Creditor; collections: Collection[] }) {
  const { messageID, creditor } = input;
  const creditorName = sepaText(creditor.name, 70);
  const creditorBIC = creditor.bic ?? "";
  checkAccount(creditor.iban, creditorBIC, "the creditor");
  const cid = creditor.creditorID.toUpperCase().replace(/[^A-Z0-9]/g, "");
  check(mod97(cid.slice(7) + cid.slice(0, 4)) === 1, `invalid creditor ID "${creditor.creditorID}"`);
  check(isDate(input.collectionDate), `invalid collection date "${input.collectionDate}"`);

  const blocks: string[] = [];
  let count = 0;
  let totalCents = 0;
  for (const sequence of ["FRST", "RCUR"] as const) {
    const list = input.collections.filter((c) => c.sequence === sequence);
    if (!list.length) continue;
    const blockID = `${messageID}.${blocks.length}`;
    const transactions = list.map((c, i) => {
      check(Number.isSafeInteger(c.amountCents) && c.amountCents >= 1 && c.amountCents <= 99_999_999_999, `invalid amount ${c.amountCents} cents`);
      checkID(c.endToEndID, "end-to-end ID");
      checkID(c.mandateID, "mandate ID");
      check(isDate(c.signedOn), `invalid signature date "${c.signedOn}"`);
      const bic = c.bic ?? "";
      checkAccount(c.iban, bic, c.mandateID);
      return node(
        "DrctDbtTxInf",
        node("PmtId", leaf("InstrId", `${blockID}.${i}`), leaf("EndToEndId", c.endToEndID)),
        leaf("InstdAmt", euros(c.amountCents), ' Ccy="EUR"'),
        node("DrctDbtTx", node("MndtRltdInf", leaf("MndtId", c.mandateID), leaf("DtOfSgntr", c.signedOn), leaf("AmdmntInd", "false"))),
        agent("DbtrAgt", bic),
        node("Dbtr", leaf("Nm", sepaText(c.name, 70))),
        node("DbtrAcct", node("Id", leaf("IBAN", c.iban))),
        node("RmtInf", leaf("Ustrd", sepaText(c.remittance, 140))),
      );
    });
    const sumCents = list.reduce((n, c) => n + c.amountCents, 0);
    count += list.length;
    totalCents += sumCents;
    blocks.push(
      node(
        "PmtInf",
        leaf("PmtInfId", blockID),
        leaf("PmtMtd", "DD"),
        leaf("BtchBookg", "true"),
        leaf("NbOfTxs", String(list.length)),
        leaf("CtrlSum", euros(sumCents)),
        node("PmtTpInf", node("SvcLvl", leaf("Cd", "SEPA")), node("LclInstrm", leaf("Cd", "CORE")), leaf("SeqTp", sequence)),
        leaf("ReqdColltnDt", input.collectionDate),
        node("Cdtr", leaf("Nm", creditorName)),
        node("CdtrAcct", node("Id", leaf("IBAN", creditor.iban))),
        agent("CdtrAgt", creditorBIC),
        leaf("ChrgBr", "SLEV"),
        node("CdtrSchmeId", node("Id", node("PrvtId", node("Othr", leaf("Id", creditor.creditorID), node("SchmeNm", leaf("Prtry", "SEPA")))))),
        ...transactions,
      ),
    );
  }
  const header = node(
    "GrpHdr",
    leaf("MsgId", messageID),
    leaf("CreDtTm", localDateTime(input.created)),
    leaf("NbOfTxs", String(count)),
    leaf("CtrlSum", euros(totalCents)),
    node("InitgPty", leaf("Nm", creditorName)),
  );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<Document xmlns="${namespace}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${namespace} pain.008.001.02.xsd">` +
    node("CstmrDrctDbtInitn", header, ...blocks) +
    "</Document>"
  );
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
    const iban = electronicFormatIBAN(farm.creditorIBAN ?? "");
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
