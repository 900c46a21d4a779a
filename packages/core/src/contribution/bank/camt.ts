import { findCreditorReference, isValidCreditorReference, electronicFormatRF } from "./rf";
import { account, collapse, present, reference, refusals } from "./text";
import type { BankBatch, BankReturn, ParsedFile, ParsedLine } from "./types";
import { at, children, textAt, type XmlElement } from "./xml";

/*
 * camt.053, the ISO 20022 bank-to-customer statement: Document /
 * BkToCstmrStmt / Stmt (one per account and period) / Ntry (one booked
 * movement). Versions .001.02 to .001.08 (and later ones in the same
 * namespace family) share the elements read here, with three differences
 * handled below: the entry status is text (02) or `Sts/Cd` (from 05 on); a
 * transaction's amount is `AmtDtls/TxAmt/Amt` (02) or `TxDtls/Amt` (from
 * 04 on, both read); a party's name is `Dbtr/Nm` (02) or `Dbtr/Pty/Nm`.
 *
 * A batch booking (one entry for a whole SEPA collection) becomes one line
 * per transaction when the bank lists them (`TxDtls` with amounts that add
 * up to the entry), else one line for the total, with `batch` saying which.
 */

export const camtNamespace = /^urn:iso:std:iso:20022:tech:xsd:camt\.053\.001\.(\d{2})$/;

/** Bank transaction codes (Domn/Fmly/SubFmlyCd) that mean a payment came back. */
const returnSubFamilies = new Set(["UPDD", "RRTN", "ARET", "AREV", "RPCR", "PRDD", "URDD"]);

/** "250.00" → 25000; undefined unless a plain decimal amount, cent-exact. */
function cents(text: string | undefined): number | undefined {
  const m = /^(\d{1,15})(?:\.(\d{1,5}))?$/.exec(text ?? "");
  if (!m) return undefined;
  const fraction = (m[2] ?? "").padEnd(2, "0");
  if (/[1-9]/.test(fraction.slice(2))) return undefined;
  return Number(m[1]) * 100 + Number(fraction.slice(0, 2));
}

function accountOf(element: XmlElement | undefined) {
  return account(textAt(element, "Id/IBAN") ?? textAt(element, "Id/Othr/Id"));
}

/** A party's name in any version: `Nm` (02) or `Pty/Nm` (from 08 on). */
function nameOf(party: XmlElement | undefined) {
  return textAt(party, "Nm") ?? textAt(party, "Pty/Nm");
}

interface Details {
  amountCents?: number;
  credit?: boolean;
  counterIBAN?: string;
  counterName?: string;
  description: string;
  endToEndID?: string;
  mandateID?: string;
  txRef?: string;
  structuredReference?: string;
  returned?: BankReturn;
  line: number;
}

/** What a TxDtls says; `credit` is the entry's direction, for choosing the other party. */
function details(tx: XmlElement | undefined, credit: boolean, own: string | undefined, fallbackText: string, line: number): Details {
  const amountEl = at(tx, "Amt") ?? at(tx, "AmtDtls/TxAmt/Amt");
  const direction = textAt(tx, "CdtDbtInd");
  const parties = at(tx, "RltdPties");
  const payer = { name: nameOf(at(parties, "Dbtr")), iban: accountOf(at(parties, "DbtrAcct")) };
  const payee = { name: nameOf(at(parties, "Cdtr")), iban: accountOf(at(parties, "CdtrAcct")) };
  // the other party is the payer of money in and the payee of money out, unless that one is this account
  let other = credit ? payer : payee;
  const alternative = credit ? payee : payer;
  if ((own && other.iban === own) || (!other.iban && !other.name)) other = alternative.iban !== own ? alternative : other;
  const remittance = at(tx, "RmtInf");
  const unstructured = children(remittance, "Ustrd")
    .map((u) => u.text)
    .join(" ");
  const description = collapse(unstructured || textAt(tx, "AddtlTxInf") || fallbackText);
  const creditorRefs = children(remittance, "Strd").map((s) => textAt(s, "CdtrRefInf/Ref") ?? "");
  const structured = creditorRefs.find((r) => isValidCreditorReference(r));
  const endToEndID = reference(textAt(tx, "Refs/EndToEndId"));
  const returnInfo = at(tx, "RtrInf");
  return {
    amountCents: cents(amountEl?.text.trim()),
    credit: direction ? direction === "CRDT" : undefined,
    counterIBAN: other.iban,
    counterName: other.name ? collapse(other.name) : undefined,
    description,
    endToEndID,
    mandateID: reference(textAt(tx, "Refs/MndtId")),
    txRef: reference(textAt(tx, "Refs/AcctSvcrRef")) ?? reference(textAt(tx, "Refs/TxId")),
    structuredReference: structured ? electronicFormatRF(structured) : findCreditorReference(description),
    returned: returnInfo
      ? {
          reasonCode: textAt(returnInfo, "Rsn/Cd"),
          reasonText: collapse(textAt(returnInfo, "Rsn/Prtry") ?? textAt(returnInfo, "AddtlInf")) || undefined,
          originalEndToEndID: endToEndID,
        }
      : undefined,
    line: tx?.line ?? line,
  };
}

/** Reads a parsed camt.053 document (the root `Document`, namespace already checked). */
export function readCamt053(document: XmlElement): ParsedFile {
  const statement = at(document, "BkToCstmrStmt");
  const { list: refused, refuse } = refusals();
  const lines: ParsedFile["lines"] = [];
  let fileAccount: string | undefined;
  for (const stmt of children(statement, "Stmt")) {
    const own = accountOf(at(stmt, "Acct"));
    fileAccount ??= own;
    const accountCurrency = textAt(stmt, "Acct/Ccy");
    for (const entry of children(stmt, "Ntry")) {
      const n = entry.line;
      const status = textAt(entry, "Sts/Cd") ?? textAt(entry, "Sts/Prtry") ?? textAt(entry, "Sts");
      if (status && status !== "BOOK") {
        refuse(n, "bank.line.entry", `The entry is not booked (status ${status}); a statement should list booked entries only.`);
        continue;
      }
      const amountEl = at(entry, "Amt");
      const amount = cents(amountEl?.text.trim());
      if (amount === undefined) {
        refuse(n, "bank.line.amount", `The entry's amount "${collapse(amountEl?.text).slice(0, 30)}" is not an amount in cents.`);
        continue;
      }
      const direction = textAt(entry, "CdtDbtInd");
      if (direction !== "CRDT" && direction !== "DBIT") {
        refuse(n, "bank.line.direction", `The entry's CdtDbtInd "${direction ?? ""}" is neither CRDT nor DBIT.`);
        continue;
      }
      const bookingDate = (textAt(entry, "BookgDt/Dt") ?? textAt(entry, "BookgDt/DtTm") ?? textAt(entry, "ValDt/Dt") ?? textAt(entry, "ValDt/DtTm"))?.slice(0, 10);
      if (!bookingDate || !/^\d{4}-\d{2}-\d{2}$/.test(bookingDate)) {
        refuse(n, "bank.line.date", "The entry has no booking date.");
        continue;
      }
      const credit = direction === "CRDT";
      const sign = credit ? 1 : -1;
      const currency = amountEl?.attrs.Ccy ?? accountCurrency ?? "EUR";
      const entryRef = reference(textAt(entry, "AcctSvcrRef"));
      const reversal = textAt(entry, "RvslInd") === "true";
      const subFamily = textAt(entry, "BkTxCd/Domn/Fmly/SubFmlyCd");
      const entryText = collapse(textAt(entry, "AddtlNtryInf"));
      const entryDetails = children(entry, "NtryDtls");
      const txs = entryDetails.flatMap((d) => children(d, "TxDtls"));
      const batchEl = at(entryDetails[0], "Btch");
      const counted = Number(textAt(batchEl, "NbOfTxs") ?? txs.length);
      const base = { bookingDate, currency };
      const returnOf = (d: Details): BankReturn | undefined =>
        d.returned || reversal || (subFamily && returnSubFamilies.has(subFamily))
          ? { ...d.returned, ...(reversal ? { reversal: true } : {}), originalEndToEndID: d.endToEndID }
          : undefined;
      const toLine = (d: Details, amountCents: number, bankRef: string | undefined, batch?: BankBatch): ParsedLine => {
        const returned = returnOf(d);
        return present({
          line: d.line,
          ...base,
          amountCents,
          description: d.description,
          ownAccount: own,
          counterIBAN: d.counterIBAN,
          counterName: d.counterName,
          bankRef,
          endToEndID: d.endToEndID,
          mandateID: d.mandateID,
          structuredReference: d.structuredReference,
          returned: returned && present(returned),
          batch,
        });
      };
      const batchIDs = {
        ...(textAt(batchEl, "PmtInfId") ? { paymentInfoID: textAt(batchEl, "PmtInfId") } : {}),
        ...(textAt(batchEl, "MsgId") ? { messageID: textAt(batchEl, "MsgId") } : {}),
      };
      if (txs.length > 1) {
        const parts = txs.map((tx) => details(tx, credit, own, entryText, n));
        const signed = parts.map((p) => (p.amountCents === undefined ? undefined : (p.credit ?? credit) ? p.amountCents : -p.amountCents));
        if (signed.every((c) => c !== undefined) && signed.reduce((a, b) => a! + b!, 0) === amount * sign) {
          const batch: BankBatch = { ...batchIDs, transactions: txs.length, totalCents: amount * sign, kind: "detailed" };
          parts.forEach((p, i) => {
            const bankRef = entryRef || p.txRef ? [entryRef, p.txRef ?? p.endToEndID ?? `#${i + 1}`].filter(Boolean).join("/") : undefined;
            lines.push(toLine(p, signed[i]!, bankRef, batch));
          });
          continue;
        }
      }
      // one line for the entry: its only transaction's details, or (a batch without usable details) the total
      const only = details(txs.length === 1 ? txs[0] : undefined, credit, own, entryText, n);
      only.line = n;
      const batch: BankBatch | undefined = counted > 1 ? { ...batchIDs, transactions: counted, totalCents: amount * sign, kind: "total" } : undefined;
      lines.push(toLine(only, amount * sign, entryRef ?? only.txRef, batch));
    }
  }
  return { format: "camt053", account: fileAccount, lines, refused };
}
