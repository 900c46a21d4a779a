import { useFarmID } from "../actor";
import { useDB } from "../entities";
import { Farm } from "../farm/farm";
import { Mail } from "../mail/mail";
import { collectionNotice } from "./mail";

/*
 * The pre-notification of a collection run: each household's people are
 * mailed the amount and the date before the bank is asked (noticeDays in
 * sepa.ts says how long before).
 */

type Run = { runID: string; month: string; collectionDate: string; creditor: { creditorID: string } };
type Item = { householdID: string; household: string; iban: string; mandateID: string; amountCents: number; sequence: "FRST" | "RCUR"; notified?: boolean };

/** How many of a run's households are not told yet. */
export function pendingNotices(items: Item[]) {
  return items.filter((i) => !i.notified).length;
}

/** "NL20 … 4567": enough for a household to recognise its account in a mail, not to use it. */
const masked = (iban: string) => `${iban.slice(0, 4)} … ${iban.slice(-4)}`;

/**
 * Tells every household of the run not told yet. An item's mark and its
 * mails are one transaction (Mail.commitWith keeps them until delivered), so
 * a household is mailed once however often this runs, also at once, and a
 * run that dies halfway is finished by the next look at the run. A FRST
 * collection marks its mandate as collected from this month in the same
 * transaction: the next month's run is RCUR for it. Households go a few to
 * a transaction; one refused is done again one by one.
 */
export async function notify(run: Run, items: Item[]) {
  const unsent = items.filter((i) => !i.notified);
  if (!unsent.length) return;
  const farmID = useFarmID();
  const [farm, people] = await Promise.all([Farm.current(), useDB().entities.person.query.byID({ farmID }).go({ pages: "all" })]);
  const peopleOf = new Map<string, typeof people.data>();
  for (const p of people.data) if (p.householdID) peopleOf.set(p.householdID, [...(peopleOf.get(p.householdID) ?? []), p]);
  const mailsOf = (item: Item) =>
    (peopleOf.get(item.householdID) ?? []).map((p) =>
      Mail.compose(collectionNotice, p.email, p.locale, {
        farm: farm.name,
        household: item.household,
        amountCents: item.amountCents,
        date: run.collectionDate,
        month: run.month,
        iban: masked(item.iban),
        mandateID: item.mandateID,
        creditorID: run.creditor.creditorID,
        link: "/contribution",
      }),
    );
  type Entities = Parameters<Parameters<typeof Mail.commitWith>[1]>[0];
  const marks = (e: Entities, item: Item, withMandate: boolean) => [
    e.sepaRunItem
      .patch({ farmID, runID: run.runID, householdID: item.householdID })
      .set({ notified: true })
      .where((a, op) => op.notExists(a.notified))
      .commit(),
    ...(withMandate
      ? [
          e.mandate
            .patch({ farmID, householdID: item.householdID })
            .set({ firstCollection: run.month })
            .where((a, op) => `${op.eq(a.mandateID, item.mandateID)} AND (${op.notExists(a.firstCollection)} OR ${op.gt(a.firstCollection, run.month)})`)
            .commit(),
        ]
      : []),
  ];
  const one = async (item: Item) => {
    const mails = mailsOf(item);
    // refused: told meanwhile (then both refuse), or the mandate was replaced or collected earlier since (then the mark alone goes)
    if (!(await Mail.commitWith(mails, (e) => marks(e, item, item.sequence === "FRST"))) && item.sequence === "FRST")
      await Mail.commitWith(mails, (e) => marks(e, item, false));
  };
  const groups: Item[][] = [];
  for (let i = 0; i < unsent.length; i += 8) groups.push(unsent.slice(i, i + 8));
  for (let i = 0; i < groups.length; i += 5)
    await Promise.all(
      groups.slice(i, i + 5).map(async (group) => {
        const mails = group.flatMap(mailsOf);
        // 8 households: their marks, mandates and a few people's mails stay well within a transaction's 100 items
        if (group.length > 1 && mails.length <= 60 && (await Mail.commitWith(mails, (e) => group.flatMap((item) => marks(e, item, item.sequence === "FRST"))))) return;
        for (const item of group) await one(item);
      }),
    );
}
