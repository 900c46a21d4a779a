import { useFarmID } from "../actor";
import { useDB } from "../entities";
import { mailEachOnce } from "../mail/each-once";
import { Mailing } from "../mail/mailing";
import { workdayCancelled } from "./mail";
import { load, signups } from "./stored";
import { mailsFor } from "./waitlist";

/* A cancelled work day's mail to everyone signed up, sent after the cancel has answered. */

/**
 * Mails each person signed up for a cancelled day, once: a sign-up's mark
 * and its mail are one transaction, so a run that dies halfway is finished
 * by the next (the work-day tick), and nobody is mailed twice. The day's
 * pending flag goes once every sign-up is marked.
 */
export async function mailCancelled(workdayID: string) {
  const farmID = useFarmID();
  const w = await load(workdayID);
  if (w?.status !== "cancelled" || !w.cancelMailPending) return;
  const unmarked = (await signups(workdayID)).filter((s) => !s.cancelMailed);
  const all = await mailEachOnce(
    unmarked,
    (s) => mailsFor([s.personID], workdayCancelled, w),
    (s) => ({ signup }) => [
      signup
        .patch({ farmID, workdayID, personID: s.personID })
        .set({ cancelMailed: true })
        .where((a, op) => op.notExists(a.cancelMailed))
        .commit(),
    ],
  );
  // refused: marked by another run meanwhile or withdrawn (then done), or a conflicting write (then the next run)
  if (!all && (await signups(workdayID)).some((s) => !s.cancelMailed)) return;
  await useDB().entities.workday.patch({ farmID, workdayID }).remove(["cancelMailPending"]).go();
}

/** How far a cancelled day's mail got: the people signed up, and how many were mailed. */
export async function cancelProgress(w: { workdayID: string; cancelMailPending?: boolean }): Promise<Mailing.Progress> {
  const all = await signups(w.workdayID);
  // a day cancelled before the marks existed mailed everyone with its cancel
  const sent = w.cancelMailPending ? all.filter((s) => s.cancelMailed).length : all.length;
  return { total: all.length, sent, done: !w.cancelMailPending };
}

/** The work-day tick's part: cancelled days (from two weeks back) whose mail a crash left unfinished. */
export async function mailUnsent(now: Date) {
  const from = new Date(now.getTime() - 14 * 24 * 3600_000).toISOString();
  const days = await useDB()
    .entities.workday.query.byStart({ farmID: useFarmID() })
    // bounded above: an open range walks the farm's other keys one page at a time
    .between({ start: from }, { start: "9999-12-31T23:59:59.999Z" })
    .where((a, op) => op.eq(a.cancelMailPending, true))
    .go({ pages: "all" });
  for (const w of days.data) await mailCancelled(w.workdayID);
}

Mailing.register("workday-cancelled", mailCancelled);
