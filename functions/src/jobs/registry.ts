import { ArrearsReminders } from "@akker/core/contribution/reminder";
import { remindDue as remindAssemblies } from "@akker/core/assembly/mail-run"; // an ALV vote the tick opens or closes mails through its meeting
import { Election } from "@akker/core/election/election";
import { Harvest } from "@akker/core/harvest/harvest";
import { Mail } from "@akker/core/mail/mail";
import { Membership } from "@akker/core/membership/membership";
import { mailUnsent as mailUnsentNews } from "@akker/core/news/news-mail";
import { NewsPhotos } from "@akker/core/news/photos";
import { mailUnsentPolls } from "@akker/core/poll/mail";
import { mailUnsent as messageMailUnsent } from "@akker/core/message/send";
import { Erasure } from "@akker/core/privacy/erasure";
import { Reminders } from "@akker/core/workday/reminders";

/**
 * A scheduled job. The tick (./tick.ts) calls `run` every five minutes once
 * for every farm, inside that farm's system actor, so core functions work as
 * usual and `useFarmID()` says which farm it is.
 *
 * A job must be idempotent: a tick can come late, twice, or after a failed
 * one, so `run` decides from the data and `now` what is still to do (for
 * example "remind about work days starting within 24 h that have no reminder
 * yet"), never from how many times it has been called.
 */
export interface Job {
  /** Unique, kebab-case; names the job in the logs. */
  name: string;
  /** Does what is due at `now` for the actor's farm. Throwing marks this job failed for this farm only. */
  run(now: Date): Promise<void>;
}

/**
 * Every job the tick runs, in this order. A feature adds its job by
 * importing it here and listing it.
 */
export const jobs: readonly Job[] = [
  { name: "mail", run: async (now) => void (await Mail.redeliver(now)) },
  { name: "harvest-mail", run: (now) => Harvest.mailUnsent(now) },
  { name: "message-mail", run: (now) => messageMailUnsent(now) },
  { name: "workday-reminders", run: (now) => Reminders.run(now) },
  { name: "arrears-reminders", run: async (now) => void (await ArrearsReminders.run(now)) },
  { name: "elections", run: (now) => Election.tick(now) },
  { name: "assembly-reminders", run: (now) => remindAssemblies(now) },
  { name: "membership", run: (now) => Membership.tick(now) },
  { name: "privacy", run: async (now) => void (await Erasure.run(now)) },
  { name: "news-mail", run: () => mailUnsentNews() },
  { name: "poll-mail", run: () => mailUnsentPolls() },
  { name: "news-photos", run: (now) => NewsPhotos.sweep(now) },
];
