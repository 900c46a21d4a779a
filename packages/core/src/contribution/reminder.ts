import * as z from "zod/mini";
import { assertRole, useFarmID } from "../actor";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { Farm } from "../farm/farm";
import { Mail } from "../mail/mail";
import { Person } from "../person/person";
import { amsterdamParts, dateOf } from "../week";
import { friendlyFormatRF, householdCreditorReference } from "./bank";
import { friendlyFormatIBAN } from "./iban";
import { arrearsReminder } from "./mail";
import { daysBetween, graceDays, type Instalment } from "./rules";
import { Season } from "./season";
import { Statement } from "./statement";

/**
 * Reminders for arrears, on the schedule the treasurer sets per season:
 * each step (say 14 and 30 days after an instalment's pay-by date, see
 * rules.ts) mails the household's own people once per instalment, kindly,
 * with the way to pay, the solidarity scheme and the treasurer's address.
 * Each step's mark is created on the condition that it does not exist, in
 * one transaction with the kept mail (Mail.commitWith), so jobs that run
 * twice or at once send it once, and one that dies leaves the mail kept.
 */
export namespace ArrearsReminders {
  const maxDays = 365;
  const stepsMessage = `Steps are whole days from ${graceDays} to ${maxDays}, at most five, each later than the one before.`;

  export const Input = z.object({
    steps: z
      .array(z.int(stepsMessage).check(z.minimum(graceDays, stepsMessage), z.maximum(maxDays, stepsMessage)))
      .check(z.maxLength(5, stepsMessage), z.refine((s) => s.every((d, i) => i === 0 || d > s[i - 1]!), { message: stepsMessage })),
    /** Whom members may write to; by default the address of the treasurer who saves. */
    contact: z.optional(Person.email),
  });

  export const Schedule = z.object({
    year: z.number(),
    /** Days after the pay-by date; none: no reminders. */
    steps: z.array(z.number()),
    contact: z.nullable(z.string()),
    graceDays: z.number(),
    updatedAt: z.nullable(z.string()),
  });
  export type Schedule = z.infer<typeof Schedule>;

  async function load(year: number) {
    return (await useDB().entities.arrearsSchedule.get({ farmID: useFarmID(), year }).go({ consistent: true })).data ?? undefined;
  }

  /** The season's schedule (the treasurer's). */
  export async function get(year: number): Promise<Schedule> {
    assertRole("treasurer");
    const s = await load(year);
    return { year, steps: s?.steps ?? [], contact: s?.contact ?? null, graceDays, updatedAt: s?.updatedAt ? new Date(s.updatedAt).toISOString() : null };
  }

  /** Sets the season's schedule; the season must exist. */
  export async function save(year: number, input: z.input<typeof Input>): Promise<Schedule> {
    const actor = assertRole("treasurer");
    const parsed = Input.parse(input);
    if (!(await Season.load(year))) throw new VisibleError("not_found", "season.not_found", "No season for this year.");
    const by = actor.type === "person" ? await Person.get(actor.personID) : undefined;
    const contact = parsed.contact ?? (await load(year))?.contact ?? by?.email;
    if (!contact) throw new VisibleError("input", "input.invalid", "Give an address members may write to.", [{ path: "contact", message: "Required." }]);
    // a put, not a patch: a changed schedule is run again today
    await useDB()
      .entities.arrearsSchedule.put({ farmID: useFarmID(), year, steps: parsed.steps, contact, updatedBy: actor.type === "person" ? actor.personID : "system" })
      .go();
    return get(year);
  }

  /** The highest step an instalment late `days` days has reached, if any. */
  export function stepFor(steps: readonly number[], days: number): number | undefined {
    return steps.filter((s) => s <= days).at(-1);
  }

  /**
   * The job: once a day, from 09:00 in Amsterdam, reminds every household
   * with an instalment whose highest reached step was not mailed yet. The
   * day is marked done only after the whole run, so a run that died is
   * done again by the next tick (and the marks keep it to once).
   */
  export async function run(now: Date): Promise<number> {
    const parts = amsterdamParts(now.getTime());
    if (parts.hour < 9) return 0;
    // last year's December reaches its steps in the new year: its season keeps its own schedule
    const years = parts.month <= 2 ? [parts.year - 1, parts.year] : [parts.year];
    let reminded = 0;
    for (const year of years) reminded += await remindYear(year, now);
    return reminded;
  }

  async function remindYear(year: number, now: Date): Promise<number> {
    const farmID = useFarmID();
    const today = dateOf(now.getTime());
    const schedule = await load(year);
    if (!schedule?.steps.length || schedule.lastRun === today) return 0;
    const season = await Season.load(year);
    if (!season?.versions.length) return 0;
    const [statements, farm] = await Promise.all([Statement.all(year), Farm.current()]);
    let reminded = 0;
    for (const { household, result } of statements) {
      if (result.lateCents <= 0) continue;
      const due = await newSteps(household.householdID, result.instalments, schedule.steps, year, today);
      if (!due.length) continue;
      const people = await Person.byHousehold(household.householdID);
      const data = {
        farm: farm.name,
        household: household.name,
        lines: due.map((d) => ({ month: d.instalment.month, openCents: d.instalment.amountCents - d.instalment.paidCents })),
        totalCents: result.lateCents,
        reference: friendlyFormatRF(householdCreditorReference(household.householdID)),
        iban: farm.creditorIBAN ? friendlyFormatIBAN(farm.creditorIBAN) : null,
        contact: schedule.contact,
        link: "/contribution",
      };
      const mails = people.map((p) => Mail.compose(arrearsReminder, p.email, p.locale, data));
      const expiresAtEpoch = Math.floor(now.getTime() / 1000) + 548 * 24 * 3600;
      // another run just marked one of these: it sends them
      const sent = await Mail.commitWith(mails, ({ arrearsReminder: mark }) =>
        due.map((d) =>
          mark
            .create({ farmID, householdID: household.householdID, month: d.instalment.month, step: d.step, openCents: d.instalment.amountCents - d.instalment.paidCents, expiresAtEpoch })
            .commit(),
        ),
      );
      if (sent) reminded++;
    }
    await useDB().entities.arrearsSchedule.patch({ farmID, year }).set({ lastRun: today }).go();
    return reminded;
  }

  /** The late instalments of a household whose reached step has no mark yet. */
  async function newSteps(householdID: string, instalments: Instalment[], steps: number[], year: number, today: string) {
    const marks = await useDB()
      .entities.arrearsReminder.query.byHousehold({ farmID: useFarmID(), householdID })
      .begins({ month: `${year}-` })
      .go({ pages: "all" });
    const done = new Set(marks.data.map((m) => `${m.month}/${m.step}`));
    return instalments.flatMap((instalment) => {
      if (instalment.status !== "late" || !instalment.payBy) return [];
      const step = stepFor(steps, daysBetween(instalment.payBy, today));
      return step !== undefined && !done.has(`${instalment.month}/${step}`) ? [{ instalment, step }] : [];
    });
  }

}
