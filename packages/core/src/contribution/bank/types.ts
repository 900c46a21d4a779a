/*
 * What every bank file becomes, whatever its format: one list of lines in
 * the same shape, and the lines that could not be read, each with its line
 * number and why. The import route, the matching and the review list work
 * on these alone and never on a bank's own columns.
 */

/** The formats the reader recognises from a file's content. */
export type BankFormat = "camt053" | "rabobank-csv" | "ing-csv" | "abnamro-txt" | "simple-csv";

/** A returned, refused or reversed payment: what the bank says happened to the original. */
export interface BankReturn {
  /**
   * The ISO 20022 return reason (ExternalReturnReason1Code: AC04 account
   * closed, AM04 insufficient funds, MD06 refund asked by the payer, MS02
   * refused by the payer, …) when the bank gives one.
   */
  reasonCode?: string;
  /** The bank's words, when it gives any. */
  reasonText?: string;
  /** The EndToEndId of the payment or collection this undoes, to find the original by. */
  originalEndToEndID?: string;
  /** camt `RvslInd`: the bank took back an entry it had booked by mistake. */
  reversal?: boolean;
}

/** The batch a line belongs to: a collection the bank booked as one entry, or one of its transactions. */
export interface BankBatch {
  /** The batch's id when the bank reports one: camt `Btch/PmtInfId` (our collection run's PmtInfId) or `MsgId`. */
  paymentInfoID?: string;
  messageID?: string;
  /** How many transactions the entry holds (camt `Btch/NbOfTxs`, or the number of `TxDtls`). */
  transactions: number;
  /** The entry's total, signed like amountCents. */
  totalCents: number;
  /**
   * "detailed": this line is one transaction of the batch (amountCents is its share);
   * "total": the bank gave only the total, so this one line is the whole batch.
   */
  kind: "detailed" | "total";
}

/** One booked movement on the account, in the same shape for every format. */
export interface BankLine {
  /**
   * Where it stands in the file, 1-based, for messages: the text line for
   * the CSV and TXT formats, the line of the `<Ntry>` (or, for a batch, the
   * `<TxDtls>`) element for camt.053.
   */
  line: number;
  /**
   * The farm's own account this line is on (electronic IBAN, or the bank's
   * account number), when the file says: a camt file or an ABN AMRO export
   * may hold several accounts.
   */
  ownAccount?: string;
  /** The booking date, YYYY-MM-DD. */
  bookingDate: string;
  /** Signed integer cents: + money in (credit), − money out (debit). */
  amountCents: number;
  /** ISO 4217, "EUR" almost always. */
  currency: string;
  /** The other party's account, electronic format (capitals, no spaces), when the bank gives it. */
  counterIBAN?: string;
  counterName?: string;
  /** The payment's description as the payer wrote it (or the bank's text), spaces collapsed; may be "". */
  description: string;
  /**
   * The bank's own reference for this movement, unique within the account
   * (camt `AcctSvcrRef`, Rabobank `Volgnr`); undefined when the format has none.
   */
  bankRef?: string;
  /** The payer's end-to-end reference (camt `EndToEndId`, ABN AMRO `/EREF/`); "NOTPROVIDED" is left out. */
  endToEndID?: string;
  /** The SEPA mandate reference of a direct debit. */
  mandateID?: string;
  /** The creditor ID (Incassant ID) of a direct debit. */
  creditorID?: string;
  /**
   * A valid ISO 11649 creditor reference (electronic format, `RF…`): from
   * camt `Strd/CdtrRefInf/Ref`, a structured-reference column, or found
   * in the description (rf.ts).
   */
  structuredReference?: string;
  /** Set when this line undoes an earlier payment or collection. */
  returned?: BankReturn;
  /** Only in the simple CSV, which may name the household itself (`hh_…`) instead of an account. */
  householdID?: string;
  /** Set when this line is, or is part of, a batch booking. */
  batch?: BankBatch;
  /** The line's identity (identity.ts): the same movement gets the same key in every import. */
  key: string;
}

/**
 * Why a line was refused. The codes are stable, for the web to translate;
 * the message is English and names what was wrong.
 */
export type RefusalCode =
  | "bank.line.fields" // too few or too many fields
  | "bank.line.date" // no readable booking date
  | "bank.line.amount" // no readable amount
  | "bank.line.direction" // no readable debit/credit indicator
  | "bank.line.account" // (simple CSV) neither a household ID nor an IBAN
  | "bank.line.entry"; // a camt entry that lacks what an entry needs

export interface Refusal {
  line: number;
  code: RefusalCode;
  message: string;
}

/** What reading one bank file gives. */
export interface BankFile {
  format: BankFormat;
  /** The account the file is about (its first line's ownAccount, or the first statement's), when it says. */
  account?: string;
  /** Read lines in file order. Debits and credits alike: the caller decides what to book. */
  lines: BankLine[];
  refused: Refusal[];
}

/** A line as a format parser gives it, before its identity is added. */
export type ParsedLine = Omit<BankLine, "key">;

/** A format parser's result. */
export interface ParsedFile {
  format: BankFormat;
  account?: string;
  lines: ParsedLine[];
  refused: Refusal[];
}
