import { useFarmID } from "../actor";
import { isConditionFailure } from "../dynamo";
import { useDB } from "../entities";
import { Farm } from "../farm/farm";
import { Mail } from "../mail/mail";
import { harvestPublished } from "./mail";
import { Person } from "../person/person";

/* Mailing each household its share of a published week, once per version. */

/**
 * Mails each household of a published week its share, once per version:
 * the share's mark and the household's mails are one transaction, so a
 * publish that dies halfway leaves the rest for the mail job (`mailUnsent`),
 * and a household is never mailed twice for one version.
 */
export async function mailShares(week: string) {
  const farmID = useFarmID();
  const db = useDB();
  // consistent: right after the publish, a stale read would miss its shares
  const stored = (await db.entities.harvestWeek.get({ farmID, week }).go({ consistent: true })).data;
  if (stored?.status !== "published" || stored.mailedVersion === stored.version) return;
  const { version } = stored;
  const farm = await Farm.current();
  const shares = (await db.entities.harvestShare.query.byWeek({ farmID, week }).go({ pages: "all", consistent: true })).data;
  const unsent = shares.filter((s) => s.version === version && s.mailedVersion !== version);
  let refused = 0;
  for (let i = 0; i < unsent.length; i += 20) {
    await Promise.all(
      unsent.slice(i, i + 20).map(async (share) => {
        const mails = (await Person.byHousehold(share.householdID)).map((p) =>
          Mail.compose(harvestPublished, p.email, p.locale, {
            farm: farm.name,
            week,
            changed: version > 1,
            note: stored.note || null,
            lines: share.lines,
            pickup: farm.pickup,
          }),
        );
        const sent = await Mail.commitWith(mails, ({ harvestShare }) => [
          harvestShare
            .patch({ farmID, week, householdID: share.householdID })
            .set({ mailedVersion: version })
            .where((a, op) => `${op.eq(a.version, version)} AND (${op.notExists(a.mailedVersion)} OR ${op.ne(a.mailedVersion, version)})`)
            .commit(),
        ]);
        // mailed meanwhile, published again since, or a conflicting write: the next look decides
        if (!sent) refused++;
      }),
    );
  }
  if (refused) return;
  await db.entities.harvestWeek
    .patch({ farmID, week })
    .set({ mailedVersion: version })
    .where((a, op) => op.eq(a.version, version))
    .go()
    .catch((e: unknown) => {
      // published again meanwhile: that publish mails its own version
      if (!isConditionFailure(e)) throw e;
    });
}

/** The mail job's part: households of recently published weeks not mailed yet (a publish that died halfway). */
export async function mailUnsent(now: Date) {
  const farmID = useFarmID();
  const recent = await useDB()
    .entities.harvestWeek.query.byWeek({ farmID })
    .where((a, op) => op.eq(a.status, "published"))
    .go({ order: "desc", limit: 2, pages: "all" });
  for (const w of recent.data)
    if (w.mailedVersion !== w.version && w.publishedAt && now.getTime() - Date.parse(w.publishedAt) >= Mail.keptMs)
      await mailShares(w.week);
}
