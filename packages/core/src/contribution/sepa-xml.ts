import { bicFitsIBAN, isValidIBAN, mod97 } from "./iban";
import { isDate } from "./rules";
import { hasLatin, isSepaReference, sepaText } from "./sepa-text";

/*
 * SEPA direct debit: a pain.008.001.02 file (the version Dutch banks accept)
 * of one collection run, one payment block per sequence type. Written here
 * rather than with the `sepa` package (14.5 kB in the Lambda): the same
 * document, element for element, and the same checks before a file is made.
 */

export type Sequence = "FRST" | "RCUR";

export interface Collection {
  householdID: string;
  /** The account holder, already in the SEPA character set (sepaText). */
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

/** Why a mandate's collection cannot go in a file the bank takes, as a code the screens translate; undefined when it can. */
export type Problem = "mandate_reference" | "account_holder" | "iban" | "bic" | "signature_date" | "amount";

/** The first thing a bank would refuse in a collection, or undefined. */
export function collectionProblem(c: Omit<Collection, "endToEndID" | "remittance" | "sequence">): Problem | undefined {
  if (!isSepaReference(c.mandateID)) return "mandate_reference";
  if (!hasLatin(c.name)) return "account_holder";
  if (!isValidIBAN(c.iban)) return "iban";
  const bic = c.bic ?? "";
  if (bic && !((bic.length === 8 || bic.length === 11) && bicFitsIBAN(bic, c.iban))) return "bic";
  if (!isDate(c.signedOn)) return "signature_date";
  if (!Number.isSafeInteger(c.amountCents) || c.amountCents < 1 || c.amountCents > 99_999_999_999) return "amount";
  return undefined;
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

function check(condition: boolean, message: string) {
  if (!condition) throw new Error(`SEPA file: ${message}`);
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
 * The pain.008.001.02 document: FRST collections in one payment block
 * (`{messageID}.0` when there are any), RCUR in the next, each with its
 * number of transactions and control sum (summed in cents), as is the whole
 * file's. `created` is the CreDtTm as written, with its zone. A collection a
 * bank would refuse throws: a run leaves those out before (collectionProblem).
 */
export function directDebitXML(input: { messageID: string; created: string; collectionDate: string; creditor: Creditor; collections: Collection[] }) {
  const { messageID, creditor } = input;
  const creditorName = sepaText(creditor.name, 70);
  const creditorBIC = creditor.bic ?? "";
  checkAccount(creditor.iban, creditorBIC, "the creditor");
  const cid = creditor.creditorID.toUpperCase().replace(/[^A-Z0-9]/g, "");
  check(mod97(cid.slice(7) + cid.slice(0, 4)) === 1, `invalid creditor ID "${creditor.creditorID}"`);
  check(isDate(input.collectionDate), `invalid collection date "${input.collectionDate}"`);
  check(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/.test(input.created), `creation time "${input.created}" without its zone`);
  check(isSepaReference(messageID), `invalid message ID "${messageID}"`);

  const blocks: string[] = [];
  let count = 0;
  let totalCents = 0;
  for (const sequence of ["FRST", "RCUR"] as const) {
    const list = input.collections.filter((c) => c.sequence === sequence);
    if (!list.length) continue;
    const blockID = `${messageID}.${blocks.length}`;
    const transactions = list.map((c, i) => {
      const problem = collectionProblem(c);
      check(!problem, `${problem} of mandate "${c.mandateID}"`);
      check(isSepaReference(c.endToEndID), `invalid end-to-end ID "${c.endToEndID}"`);
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
        // each collection booked on its own: the statement names every household's debit by its EndToEndId,
        // so it books per household without relying on the bank adding batch details (docs/contribution.md)
        leaf("BtchBookg", "false"),
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
    leaf("CreDtTm", input.created),
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
