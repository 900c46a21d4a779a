import * as z from "zod/mini";
import { useActor, useFarmID } from "../actor";
import { Audit } from "../audit/audit";
import { useDB } from "../entities";
import { Farm } from "../farm/farm";
import { milliMouths, proposeRate } from "./rules";

/**
 * Saving a season's figures with the price they propose, apart from the
 * rest of season.ts so the ALV (in the election function, near its size
 * limit) can turn an adopted budget into the season's draft without loading
 * the season's schemas and confirmation.
 */
export namespace SeasonDraft {
  type Write = Parameters<ReturnType<typeof useDB>["transaction"]["write"]>[0];
  /** The board's figures; the farm settings among them (child factor, deposits, opt-out, hours) are saved on the farm. */
  export type Figures = { budgetCents: number; weeks: number; vegetarianDiscountCents?: number; childFactor?: number } & Record<string, unknown>;

  export function actorName() {
    const actor = useActor();
    return actor.type === "person" ? actor.personID : actor.type;
  }

  /** The mouths the proposal divides over: the active households, counted with the season's child factor. */
  async function mouthsNow(childFactor: number) {
    const res = await useDB().entities.household.query.byID({ farmID: useFarmID() }).go({ pages: "all" });
    const active = res.data.filter((h) => h.status === "active");
    const count = (list: typeof active) => list.reduce((n, h) => n + milliMouths(h.adults, h.children, childFactor), 0);
    return { mouthsMilli: count(active), vegetarianMouthsMilli: count(active.filter((h) => h.vegetarian)), households: active.length };
  }

  /** What a budget would cost per mouth per week with today's households: the proposal `write` makes, stored nowhere. */
  export async function preview(figures: { budgetCents: number; weeks: number }) {
    const farm = await Farm.current();
    const m = await mouthsNow(farm.childFactor);
    const proposal = proposeRate({ ...figures, ...m, vegetarianDiscountCents: farm.vegetarianDiscountCents });
    return { proposal, childFactor: farm.childFactor, vegetarianDiscountCents: farm.vegetarianDiscountCents, mouths: m.mouthsMilli / 1000, households: m.households };
  }

  /**
   * An ALV's adopted budget becomes the year's figures, proposed as a board's
   * save would be, for the treasurer to confirm. `claim` is a conditional
   * write in the same transaction (the agenda item's "applied" mark), so a
   * repeated close saves it once; false when the claim or the season refused.
   */
  export function fromBudget(y: number, figures: { budgetCents: number; weeks: number }, claim: Write): Promise<boolean> {
    return write(y, figures, claim);
  }

  /**
   * Saves the figures and the proposed price as not yet confirmed; the farm
   * settings among them go to the farm in the same transaction as the season
   * and its audit event (and `extra`), on the condition that nobody saved the
   * season meanwhile. False when the transaction was refused: nothing changed.
   */
  export async function write(y: number, input: Figures, extra?: Write): Promise<boolean> {
    const farmID = useFarmID();
    const { budgetCents, weeks, vegetarianDiscountCents, ...settings } = input;
    const farmChanges = z.partial(Farm.Settings).parse(Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined)));
    const farm = await Farm.current();
    const discount = vegetarianDiscountCents ?? farm.vegetarianDiscountCents;
    const childFactor = input.childFactor ?? farm.childFactor;
    const m = await mouthsNow(childFactor);
    const proposal = proposeRate({ budgetCents, weeks, ...m, vegetarianDiscountCents: discount });
    const stored = {
      budgetCents,
      weeks,
      vegetarianDiscountCents: discount,
      childFactor,
      proposal: {
        rateCents: proposal?.rateCents,
        vegetarianRateCents: proposal?.vegetarianRateCents,
        averageCents: proposal?.averageCents,
        mouths: m.mouthsMilli / 1000,
        vegetarianMouths: m.vegetarianMouthsMilli / 1000,
        households: m.households,
      },
      pending: true,
      updatedBy: actorName(),
    };
    const existing = (await useDB().entities.season.get({ farmID, year: y }).go({ consistent: true })).data;
    const res = await useDB()
      .transaction.write((entities) => [
        ...(Object.keys(farmChanges).length ? [entities.farm.patch({ farmID }).set(farmChanges).commit()] : []),
        existing
          ? entities.season
              .patch({ farmID, year: y })
              .set({ ...stored, revision: existing.revision + 1 })
              .where((a, op) => op.eq(a.revision, existing.revision))
              .commit()
          : entities.season.create({ farmID, year: y, ...stored }).commit(),
        entities.audit.create(Audit.event("season.saved", String(y), { budgetCents, weeks, vegetarianDiscountCents: discount, childFactor })).commit(),
        ...(extra ? extra(entities) : []),
      ])
      .go();
    if (res.canceled) return false;
    if (Object.keys(farmChanges).length) Farm.forget(farmID);
    return true;
  }
}
