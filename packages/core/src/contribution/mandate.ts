import * as z from "zod/mini";
import { ulid } from "ulid";
import { useFarmID } from "../actor";
import { Audit } from "../audit/audit";
import { Clock } from "../clock";
import { isConditionFailure } from "../dynamo";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { amsterdamISO } from "../week";
import { assertOwnOrTreasurer } from "./access";
import { Composition } from "./composition";
import { bicFitsIBAN, electronicFormatIBAN, friendlyFormatIBAN, isSEPACountry, isValidBIC, isValidIBAN, isIBANOutsideSEPA } from "./iban";
import { dateOf, isDate } from "./rules";

/** The characters SEPA allows in IDs such as the mandate reference. */
export const sepaID = /^[A-Za-z0-9+?/:().,' -]{1,35}$/;

/**
 * A household's SEPA direct-debit mandate: the IBAN (checked: checksum,
 * length and format of its country, a SEPA country), the account holder,
 * the mandate reference and the day it was signed.
 */
export namespace Mandate {
  /** A valid IBAN of a SEPA country: a valid one of another country is told only that it is not a SEPA country. */
  export const iban = z
    .pipe(
      z.string().check(z.trim(), z.maxLength(50)),
      z.transform((v) => electronicFormatIBAN(v)),
    )
    .check(
      z.refine((v) => isValidIBAN(v) || isIBANOutsideSEPA(v), { message: "This is not a valid IBAN." }),
      z.refine((v) => isSEPACountry(v.slice(0, 2)), { message: "Direct debit needs an account in a SEPA country." }),
    );

  export const Input = z.object({
    iban,
    accountHolder: z.string().check(z.trim(), z.minLength(1), z.maxLength(70)),
    signedOn: z.string().check(z.refine(isDate, { message: "Expected a date, YYYY-MM-DD." })),
    /** The mandate reference; made up by the platform when left out. */
    mandateID: z.optional(z.string().check(z.trim(), z.regex(sepaID, { message: "Up to 35 letters, digits and + ? / : ( ) . , ' - or spaces." }))),
    bic: z.optional(
      z
        .pipe(
          z.string().check(z.trim()),
          z.transform((v) => v.toUpperCase()),
        )
        .check(z.refine((v) => isValidBIC(v), { message: "This is not a valid BIC." })),
    ),
  }).check(
    // the SEPA file names the debtor's bank by it, and no bank takes a file whose BIC and IBAN disagree
    z.refine((m) => !m.bic || bicFitsIBAN(m.bic, m.iban), {
      message: "This BIC is of a bank in another country than the IBAN.",
      path: ["bic"],
    }),
  );

  export const Info = z.object({
    householdID: z.string(),
    mandateID: z.string(),
    iban: z.string(),
    bic: z.nullable(z.string()),
    accountHolder: z.string(),
    signedOn: z.string(),
    status: z.enum(["active", "revoked"]),
    /** The month of the first collection (FRST); null until a collection file held it. */
    firstCollection: z.nullable(z.string()),
    updatedAt: z.string(),
  });
  export type Info = z.infer<typeof Info>;

  type Item = {
    householdID: string;
    mandateID: string;
    iban: string;
    bic?: string;
    accountHolder: string;
    signedOn: string;
    status: Info["status"];
    firstCollection?: string;
    updatedAt: string;
  };

  function serialize(m: Item): Info {
    return {
      householdID: m.householdID,
      mandateID: m.mandateID,
      iban: friendlyFormatIBAN(m.iban),
      bic: m.bic ?? null,
      accountHolder: m.accountHolder,
      signedOn: m.signedOn,
      status: m.status,
      firstCollection: m.firstCollection ?? null,
      updatedAt: amsterdamISO(Date.parse(m.updatedAt)),
    };
  }

  const notFound = () => new VisibleError("not_found", "household.not_found", "No such household.");
  /** A transaction refused only when another wrote the mandate at the same moment. */
  const changed = () => new VisibleError("conflict", "mandate.changed", "The mandate was changed meanwhile; try again.");

  async function load(householdID: string) {
    return (await useDB().entities.mandate.get({ farmID: useFarmID(), householdID }).go({ consistent: true })).data ?? undefined;
  }

  /** The household's mandate, or null while it has given none (another household's is 404). */
  export async function get(householdID: string): Promise<Info | null> {
    assertOwnOrTreasurer(householdID);
    const m = await load(householdID);
    return m ? serialize(m) : null;
  }

  /**
   * Gives or replaces the mandate. A new reference or another IBAN is a new
   * mandate, whose first collection is FRST again; the same mandate keeps
   * its collection history.
   */
  export async function put(householdID: string, input: z.infer<typeof Input>): Promise<Info> {
    assertOwnOrTreasurer(householdID);
    if (!(await Composition.household(householdID))) throw notFound();
    if (input.signedOn > dateOf(Clock.now()))
      throw new VisibleError("input", "input.invalid", "A mandate cannot be signed in the future.", [
        { path: "signedOn", message: "A mandate cannot be signed in the future." },
      ]);
    const existing = await load(householdID);
    const same = existing && existing.status === "active" && existing.iban === input.iban && (!input.mandateID || input.mandateID === existing.mandateID);
    const mandateID = input.mandateID ?? (same ? existing.mandateID : `AKKER-${ulid(Clock.now())}`);
    const res = await useDB()
      .transaction.write(({ mandate, audit }) => [
        mandate
          .put({
            farmID: useFarmID(),
            householdID,
            mandateID,
            iban: input.iban,
            bic: input.bic,
            accountHolder: input.accountHolder,
            signedOn: input.signedOn,
            status: "active",
            firstCollection: same ? existing.firstCollection : undefined,
          })
          .commit(),
        audit.create(Audit.event("mandate.given", householdID, { mandateID, renewed: !same })).commit(),
      ])
      .go();
    if (res.canceled) throw changed();
    return serialize((await load(householdID))!);
  }

  /** Revokes the mandate: it stays on record, and no file collects on it any more. */
  export async function revoke(householdID: string): Promise<Info> {
    assertOwnOrTreasurer(householdID);
    const m = await load(householdID);
    if (!m) throw new VisibleError("not_found", "mandate.not_found", "This household has no mandate.");
    const res = await useDB()
      .transaction.write(({ mandate, audit }) => [
        mandate.patch({ farmID: useFarmID(), householdID }).set({ status: "revoked" }).commit(),
        audit.create(Audit.event("mandate.revoked", householdID, { mandateID: m.mandateID })).commit(),
      ])
      .go();
    if (res.canceled) throw changed();
    return serialize((await load(householdID))!);
  }

  /** Every mandate of the farm (for collection files and matching bank lines). */
  export async function all() {
    return (await useDB().entities.mandate.query.byHousehold({ farmID: useFarmID() }).go({ pages: "all" })).data;
  }

  /** Marks mandates as collected from `month` on: a later month is RCUR. Keeps the earliest month. */
  export async function markCollected(householdIDs: string[], month: string) {
    const farmID = useFarmID();
    await Promise.all(
      householdIDs.map((householdID) =>
        useDB()
          .entities.mandate.patch({ farmID, householdID })
          .set({ firstCollection: month })
          .where((a, op) => `${op.notExists(a.firstCollection)} OR ${op.gt(a.firstCollection, month)}`)
          .go()
          .catch((e: unknown) => {
            // already collected earlier: nothing to mark
            if (!isConditionFailure(e)) throw e;
          }),
      ),
    );
  }
}
