import * as z from "zod/mini";
import { Clock } from "../clock";
import { VisibleError } from "../error";
import { Farm } from "../farm/farm";
import { addDays, addWeeks, amsterdamISO, dateOf, deadlineBefore, isDate, mondayOf, weekOf } from "../week";
import { Harvest } from "./harvest";

/*
 * Planning ahead: the coming weeks with their opt-outs, and a holiday over a
 * range of dates opted out in one request. Each week goes through
 * Harvest.setOptOut, so a week is as safe against a publish as a single tap.
 */
export namespace OptOutPlan {
  /** How many weeks a member sees ahead, from the first whose opt-out is still open. */
  export const weeksAhead = 8;
  /** A holiday is at most this long, and starts at most this far ahead (a year). */
  const maxDays = 92;
  const maxAheadDays = 366;

  const date = z.string().check(z.refine(isDate, { message: "Expected a date, YYYY-MM-DD." }));

  export const HolidayInput = z.object({
    from: date,
    to: date,
    /** false takes the household back in for those weeks. */
    optedOut: z._default(z.boolean(), true),
  });

  export const WeekResult = z.object({
    week: z.string(),
    /** `done`: the week is as asked; `refused`: its deadline passed, nothing changed for it. */
    result: z.enum(["done", "refused"]),
    code: z.nullable(z.string()),
    message: z.nullable(z.string()),
    optOutDeadline: z.string(),
  });
  export type WeekResult = z.infer<typeof WeekResult>;

  async function closes(week: string) {
    const farm = await Farm.current();
    return deadlineBefore(week, { daysBefore: farm.optOutDaysBefore, time: farm.optOutTime });
  }

  /** The first week whose opt-out is still open: this week, next, or the one after (after a Thursday deadline). */
  export async function firstOpenWeek(now = Clock.now()): Promise<string> {
    let week = weekOf(now);
    while (now >= (await closes(week))) week = addWeeks(week, 1);
    return week;
  }

  /** The household's coming weeks: from the first open one, `weeksAhead` of them, each with its share and opt-out. */
  export async function upcoming(): Promise<Harvest.Mine[]> {
    const first = await firstOpenWeek();
    return Promise.all(Array.from({ length: weeksAhead }, (_, i) => Harvest.mine(addWeeks(first, i))));
  }

  /** The ISO weeks a range of dates touches, in order. */
  export function weeksOf(from: string, to: string): string[] {
    const weeks: string[] = [];
    for (let week = weekOf(Date.parse(`${from}T12:00:00Z`)); mondayOf(week).toISOString().slice(0, 10) <= to; week = addWeeks(week, 1))
      weeks.push(week);
    return weeks;
  }

  /**
   * Opts the household out of (or back into) every week a holiday touches.
   * Weeks whose deadline passed are refused with the reason and the rest is
   * done; when none is open, nothing is done and the answer is 409.
   */
  export async function holiday(input: z.output<typeof HolidayInput>): Promise<WeekResult[]> {
    const { from, to } = input;
    const today = dateOf(Clock.now());
    if (to < from) throw new VisibleError("input", "harvest.range_backwards", "The holiday ends before it starts.");
    if (addDays(from, maxDays) < to) throw new VisibleError("input", "harvest.range_too_long", `A holiday is at most ${maxDays} days.`);
    if (addDays(today, maxAheadDays) < from)
      throw new VisibleError("input", "harvest.range_too_far", "A holiday can be planned at most a year ahead.");
    const weeks = weeksOf(from, to);
    const deadlines = await Promise.all(weeks.map(closes));
    const now = Clock.now();
    if (deadlines.every((d) => now >= d))
      throw new VisibleError("conflict", "harvest.deadline_passed", "The deadline to opt out has passed for every week of this holiday.");
    const results: WeekResult[] = [];
    // one week after the other: each is its own conditional write against a publish
    for (const [i, week] of weeks.entries()) {
      const share = await Harvest.setOptOut(week, input.optedOut).then(
        (mine) => ({ result: "done" as const, code: null, message: null, optOutDeadline: mine.optOutDeadline }),
        (e: unknown) => {
          if (!(e instanceof VisibleError)) throw e;
          return { result: "refused" as const, code: e.code, message: e.message, optOutDeadline: amsterdamISO(deadlines[i]!) };
        },
      );
      results.push({ week, ...share });
    }
    return results;
  }
}
