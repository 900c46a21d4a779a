import { useFarmID } from "../actor";
import { useDB } from "../entities";
import { Farm } from "../farm/farm";
import { Mail } from "../mail/mail";
import { MailPreferences } from "../message/preferences";
import { workdayReminder, workdayRoster } from "./mail";
import { Person } from "../person/person";
import { dateOf } from "../week";
import { Workday } from "./workday";
import { mailUnsent as mailCancelledUnsent } from "./cancel-mail";

/**
 * The scheduled part of work days. Each mail is claimed with a conditional
 * write, in one transaction with the mail kept (Mail.commitWith), so a job that
 * runs twice (or on two instances) sends it once, and one that dies after
 * the claim leaves the mail for the mail job instead of losing it.
 */
export namespace Reminders {
  const hour = 3600_000;


  export async function run(now: Date) {
    // first what a crash left of a cancelled day's mail
    await mailCancelledUnsent(now);
    const farmID = useFarmID();
    const farm = await Farm.current();
    const t = now.getTime();
    const db = useDB().entities;
    const soon = await db.workday.query
      .byStart({ farmID })
      .between({ start: new Date(t).toISOString() }, { start: new Date(t + 48 * hour).toISOString() })
      .go({ pages: "all" });
    const tomorrow = dateOf(t + 24 * hour);
    let coordinators: Awaited<ReturnType<typeof Person.get>>[] | undefined;

    for (const w of soon.data) {
      if (w.status !== "scheduled") continue;
      const signups = await db.signup.query.byWorkday({ farmID, workdayID: w.workdayID }).go({ pages: "all" });

      // 48 hours before: every confirmed person, once.
      for (const s of signups.data) {
        if (s.status !== "confirmed" || s.reminded) continue;
        const p = await Person.get(s.personID);
        // a person who turned reminders off is marked without a mail
        const mails = p && (await MailPreferences.wants(s.personID, "reminders"))
          ? [Mail.compose(workdayReminder, p.email, p.locale, { farm: farm.name, title: w.title, when: Workday.when(w, p.locale), location: w.location || null })]
          : [];
        // claimed by another run: it sends them
        await Mail.commitWith(mails, ({ signup }) => [
          signup
            .patch({ farmID, workdayID: w.workdayID, personID: s.personID })
            .set({ reminded: true })
            .where((a, op) => `${op.notExists(a.reminded)} AND ${op.eq(a.status, "confirmed")}`)
            .commit(),
        ]);
      }

      // The day before: the roster to the coordinators, once.
      if (dateOf(Date.parse(w.start)) !== tomorrow || w.rosterSent) continue;
      coordinators ??= await coordinatorsOf(farmID);
      const people = await Promise.all(signups.data.map((s) => Person.get(s.personID)));
      const names = (status: "confirmed" | "waitlisted") =>
        signups.data
          .map((s, i) => ({ s, name: people[i]?.name ?? "?" }))
          .filter((x) => x.s.status === status)
          .sort((a, b) => a.s.position - b.s.position)
          .map((x) => x.name);
      const rosters = coordinators.flatMap((c) =>
        c
          ? [
              Mail.compose(workdayRoster, c.email, c.locale, {
                farm: farm.name,
                title: w.title,
                when: Workday.when(w, c.locale),
                confirmed: names("confirmed"),
                waitlisted: names("waitlisted"),
              }),
            ]
          : [],
      );
      await Mail.commitWith(rosters, ({ workday }) => [
        workday
          .patch({ farmID, workdayID: w.workdayID })
          .set({ rosterSent: true })
          .where((a, op) => op.notExists(a.rosterSent))
          .commit(),
      ]);
    }
  }

  async function coordinatorsOf(farmID: string) {
    const grants = await useDB().entities.roleGrant.query.byPerson({ farmID }).go({ pages: "all" });
    const ids = [...new Set(grants.data.filter((g) => g.role === "coordinator").map((g) => g.personID))];
    return Promise.all(ids.map((id) => Person.get(id)));
  }
}
