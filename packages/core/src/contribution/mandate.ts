import * as z from "zod/mini";
import { ulid } from "ulid";
import { hasRole, useActor, useFarmID } from "../actor";
import { Audit } from "../audit/audit";
import { Clock } from "../clock";
import { Farm } from "../farm/farm";
import { Mail } from "../mail/mail";
import { mandateChanged, mandateIBANShared } from "./mail";
import { Person } from "../person/person";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { amsterdamISO } from "../week";
import { assertOwnOrTreasurer } from "./access";
import { Composition } from "./composition";
import { bicFitsIBAN, electronicFormatIBAN, friendlyFormatIBAN, isSEPACountry, isValidBIC, isValidIBAN, isIBANOutsideSEPA } from "./iban";
import { dateOf, isDate } from "./rules";
import { hasLatin, isSepaReference } from "./sepa-text";
import { backoff } from "../backoff";

/**
 * A household's SEPA direct-debit mandate: the IBAN (checked: checksum,
 * length and format of its country, a SEPA country), the account holder
 * (with Latin letters the file can carry), the day it was signed, and the
 * mandate reference, which the platform assigns.
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
    accountHolder: z.string().check(
      z.trim(),
      z.minLength(1),
      z.maxLength(70),
      // a direct debit names the holder in the EPC's Latin set (sepa-text.ts); a name of another script alone would be empty there
      z.refine(hasLatin, { message: "Write the account holder's name in Latin letters, as the bank has it." }),
    ),
    signedOn: z.string().check(z.refine(isDate, { message: "Expected a date, YYYY-MM-DD." })),
    /** The treasurer only: the IBAN may be on another household's active mandate too. */
    shareIBAN: z.optional(z.boolean()),
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
    sharedIBAN?: boolean;
    revision?: number;
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
  const taken = () =>
    new VisibleError(
      "conflict",
      "mandate.iban_taken",
      "This account is on another household's mandate. Only the treasurer can let two households share an account.",
    );

  async function load(householdID: string) {
    return (await useDB().entities.mandate.get({ farmID: useFarmID(), householdID }).go({ consistent: true })).data ?? undefined;
  }

  /**
   * The other households whose active mandate holds an IBAN: those its claim
   * names, and (for mandates given before claims were kept) those whose
   * active mandate has it.
   */
  async function holders(iban: string, householdID: string) {
    const farmID = useFarmID();
    const [claim, mandates] = await Promise.all([
      useDB().entities.ibanClaim.get({ farmID, iban }).go({ consistent: true }),
      all(),
    ]);
    const claimed = new Set(claim.data?.householdIDs ?? []);
    const found = new Set(claimed);
    for (const m of mandates) if (m.status === "active" && m.iban === iban) found.add(m.householdID);
    found.delete(householdID);
    /** `mine`: the household holds it already (first, or shared with the treasurer's approval). */
    return { others: [...found], mine: claimed.has(householdID) };
  }

  /** "NL20 … 4567": enough for a household to recognise its account in a mail, not to use it. */
  const masked = (iban: string) => `${iban.slice(0, 4)} … ${iban.slice(-4)}`;

  /** Who made a change, as the mail names them. */
  async function actorName(farm: string) {
    const a = useActor();
    return (a.type === "person" && (await Person.get(a.personID))?.name) || farm;
  }

  /** The mandate item's lock: as it was read, or not there at all. */
  function unchanged(existing: Item & { revision?: number } | undefined) {
    return <A extends { revision: unknown; householdID: unknown }, O extends { eq: (a: any, v: any) => string; notExists: (a: any) => string }>(a: A, op: O) =>
      !existing ? op.notExists(a.householdID) : existing.revision === undefined ? op.notExists(a.revision) : op.eq(a.revision, existing.revision);
  }

  /** The household's mandate, or null while it has given none (another household's is 404). */
  export async function get(householdID: string): Promise<Info | null> {
    assertOwnOrTreasurer(householdID);
    const m = await load(householdID);
    return m ? serialize(m) : null;
  }

  /**
   * Gives or replaces the mandate. Another IBAN is a new mandate, with a new
   * reference (`AKKER-` and a ULID: 32 characters of the EPC's set) whose
   * first collection is FRST again; the same mandate keeps its reference and
   * its collection history.
   *
   * An IBAN on another household's active mandate is refused (409
   * `mandate.iban_taken`) unless the treasurer shares it (`shareIBAN`):
   * otherwise anyone could have the farm collect their dues from another's
   * account, and have that account's transfers booked on their household.
   * The IBAN's claim is written in the mandate's transaction, so two
   * households racing for one account cannot both get it. The household's
   * people are mailed of every change (and the account's other holders when
   * it is shared), in that transaction too.
   */
  export async function put(householdID: string, input: z.infer<typeof Input>): Promise<Info> {
    assertOwnOrTreasurer(householdID);
    if (input.shareIBAN && !hasRole("treasurer"))
      throw new VisibleError("forbidden", "mandate.share_forbidden", "Only the treasurer can let two households share an account.");
    const household = await Composition.household(householdID);
    if (!household) throw notFound();
    if (input.signedOn > dateOf(Clock.now()))
      throw new VisibleError("input", "input.invalid", "A mandate cannot be signed in the future.", [
        { path: "signedOn", message: "A mandate cannot be signed in the future." },
      ]);
    const farmID = useFarmID();
    const [farm, people] = await Promise.all([Farm.current(), Person.byHousehold(householdID)]);
    const by = await actorName(farm.name);
    for (let attempt = 0; attempt < 20; attempt++) {
      const [existing, { others, mine }] = await Promise.all([load(householdID), holders(input.iban, householdID)]);
      const active = existing?.status === "active" ? existing : undefined;
      // once the treasurer let it share the account, the household may renew its mandate on it (another holder, a new reference)
      const approved = mine && active?.iban === input.iban;
      if (others.length && !input.shareIBAN && !approved) throw taken();
      // a reference no bank takes (from before the platform assigned them all) is replaced: a new mandate, FRST again
      const same = active && active.iban === input.iban && isSepaReference(active.mandateID);
      const mandateID = same ? active.mandateID : `AKKER-${ulid(Clock.now())}`;
      const shared = others.length > 0;
      const newlyShared = shared && !approved;
      const mails = people.map((p) =>
        Mail.compose(mandateChanged, p.email, p.locale, {
          farm: farm.name,
          household: household.name,
          change: active ? "changed" : "given",
          by,
          iban: masked(input.iban),
          holder: input.accountHolder,
          shared,
          link: "/contribution",
        }),
      );
      if (newlyShared)
        for (const other of others) {
          const name = (await Composition.household(other))?.name ?? "";
          for (const p of await Person.byHousehold(other))
            mails.push(Mail.compose(mandateIBANShared, p.email, p.locale, { farm: farm.name, household: name, other: household.name, iban: masked(input.iban), link: "/contribution" }));
        }
      const done = await Mail.commitWith(mails, ({ mandate, ibanClaim, audit }) => [
        mandate
          .put({
            farmID,
            householdID,
            mandateID,
            iban: input.iban,
            bic: input.bic,
            accountHolder: input.accountHolder,
            signedOn: input.signedOn,
            status: "active",
            firstCollection: same ? active.firstCollection : undefined,
            sharedIBAN: shared || undefined,
            revision: (existing?.revision ?? 0) + 1,
          })
          .where(unchanged(existing))
          .commit(),
        input.shareIBAN || approved
          ? ibanClaim.update({ farmID, iban: input.iban }).add({ householdIDs: [householdID] }).commit()
          : ibanClaim
              .update({ farmID, iban: input.iban })
              .add({ householdIDs: [householdID] })
              .where((a, op) => `${op.notExists(a.householdIDs)} OR ${op.contains(a.householdIDs, householdID)}`)
              .commit(),
        // the account the household leaves is free for others again
        ...(active && active.iban !== input.iban
          ? [ibanClaim.update({ farmID, iban: active.iban }).delete({ householdIDs: [householdID] }).commit()]
          : []),
        audit.create(Audit.event("mandate.given", householdID, { mandateID, renewed: !same, ...(shared ? { sharedIBAN: true } : {}) })).commit(),
      ]);
      if (done) return serialize((await load(householdID))!);
      // another household claimed the IBAN (the next round says so), or the mandate changed meanwhile: read again
      await backoff(attempt, 100);
    }
    throw changed();
  }

  /** Revokes the mandate: it stays on record, no file collects on it any more, and its IBAN is free for others. */
  export async function revoke(householdID: string): Promise<Info> {
    assertOwnOrTreasurer(householdID);
    const farmID = useFarmID();
    const [household, farm, people] = await Promise.all([Composition.household(householdID), Farm.current(), Person.byHousehold(householdID)]);
    const by = await actorName(farm.name);
    for (let attempt = 0; attempt < 20; attempt++) {
      const m = await load(householdID);
      if (!m) throw new VisibleError("not_found", "mandate.not_found", "This household has no mandate.");
      if (m.status === "revoked") return serialize(m);
      const mails = people.map((p) =>
        Mail.compose(mandateChanged, p.email, p.locale, {
          farm: farm.name,
          household: household?.name ?? "",
          change: "revoked",
          by,
          iban: masked(m.iban),
          holder: m.accountHolder,
          shared: false,
          link: "/contribution",
        }),
      );
      const done = await Mail.commitWith(mails, ({ mandate, ibanClaim, audit }) => [
        mandate
          .patch({ farmID, householdID })
          .set({ status: "revoked", revision: (m.revision ?? 0) + 1 })
          .where(unchanged(m))
          .commit(),
        ibanClaim.update({ farmID, iban: m.iban }).delete({ householdIDs: [householdID] }).commit(),
        audit.create(Audit.event("mandate.revoked", householdID, { mandateID: m.mandateID })).commit(),
      ]);
      if (done) return serialize((await load(householdID))!);
      await backoff(attempt, 100);
    }
    throw changed();
  }

  /**
   * Deletes the household's mandate for good and frees its IBAN, in one
   * transaction: for removing a household's records after their retention
   * (privacy/), so no claim outlives its mandate and keeps an account from
   * everyone else. No access check: the caller is a system job.
   */
  export async function forget(householdID: string) {
    const farmID = useFarmID();
    const m = await load(householdID);
    if (!m) return;
    await useDB()
      .transaction.write(({ mandate, ibanClaim }) => [
        mandate.delete({ farmID, householdID }).commit(),
        ibanClaim.update({ farmID, iban: m.iban }).delete({ householdIDs: [householdID] }).commit(),
      ])
      .go();
  }

  /** Every mandate of the farm (for collection files and matching bank lines). */
  export async function all() {
    return (await useDB().entities.mandate.query.byHousehold({ farmID: useFarmID() }).go({ pages: "all" })).data;
  }
}
