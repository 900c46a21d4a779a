import { useFarmID } from "../actor";
import { isConditionFailure } from "../dynamo";
import { useDB } from "../entities";
import { Farm } from "../farm/farm";
import { Mail } from "../mail/mail";
import { Mailing } from "../mail/mailing";
import { harvestPublished, type LineChange } from "./mail";
import { Person } from "../person/person";

/* Mailing each household its share of a published week, once per version, after the publish has answered. */

type Line = { crop: string; unit: LineChange["unit"]; quantity: number };
type Share = { householdID: string; version: number; lines: Line[]; mailedVersion?: number; previousLines?: Line[] };

/** Per crop, what a correction changed for one household; empty when its share is the same. */
export function lineChanges(was: Line[], now: Line[]): LineChange[] {
  const key = (l: Line) => `${l.crop}\u0000${l.unit}`;
  const before = new Map(was.map((l) => [key(l), l]));
  const after = new Map(now.map((l) => [key(l), l]));
  const changes: LineChange[] = [];
  for (const l of now) {
    const old = before.get(key(l))?.quantity ?? 0;
    if (old !== l.quantity) changes.push({ crop: l.crop, unit: l.unit, was: old, now: l.quantity });
  }
  for (const l of was) if (!after.has(key(l)) && l.quantity) changes.push({ crop: l.crop, unit: l.unit, was: l.quantity, now: 0 });
  return changes;
}

/** A household's mail for this version: none when a correction left its share as it was mailed. */
function needsMail(share: Share, version: number) {
  return version === 1 || !share.previousLines || lineChanges(share.previousLines, share.lines).length > 0;
}

async function load(week: string) {
  const farmID = useFarmID();
  const db = useDB();
  // consistent: right after the publish, a stale read would miss its shares
  const stored = (await db.entities.harvestWeek.get({ farmID, week }).go({ consistent: true })).data;
  const shares = stored?.status === "published"
    ? (await db.entities.harvestShare.query.byWeek({ farmID, week }).go({ pages: "all", consistent: true })).data.filter((s) => s.version === stored.version)
    : [];
  return { stored, shares: shares as (Share & (typeof shares)[number])[] };
}

/**
 * Mails each household of a published week its share, once per version:
 * the share's mark and the household's mails are one transaction, so a
 * run that dies halfway leaves the rest for the next (`mailUnsent`), and a
 * household is never mailed twice for one version. A correction mails only
 * the households whose share changed, with what changed; the others are
 * marked without a mail.
 */
export async function mailShares(week: string) {
  const farmID = useFarmID();
  const { stored, shares } = await load(week);
  if (stored?.status !== "published" || stored.mailedVersion === stored.version) return;
  const { version } = stored;
  const farm = await Farm.current();
  const unsent = shares.filter((s) => s.mailedVersion !== version);
  let refused = 0;
  for (let i = 0; i < unsent.length; i += 20) {
    await Promise.all(
      unsent.slice(i, i + 20).map(async (share) => {
        const changed = version > 1 && !!share.previousLines;
        const mails = needsMail(share, version)
          ? (await Person.byHousehold(share.householdID)).map((p) =>
              Mail.compose(harvestPublished, p.email, p.locale, {
                farm: farm.name,
                week,
                changed,
                note: stored.note || null,
                lines: share.lines,
                pickup: farm.pickup,
                ...(changed ? { changes: lineChanges(share.previousLines!, share.lines) } : {}),
              }),
            )
          : [];
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
  await useDB()
    .entities.harvestWeek.patch({ farmID, week })
    .set({ mailedVersion: version })
    .where((a, op) => op.eq(a.version, version))
    .go()
    .catch((e: unknown) => {
      // published again meanwhile: that publish mails its own version
      if (!isConditionFailure(e)) throw e;
    });
}

Mailing.register("harvest", mailShares);

/** How far the mail of a week's published version got: the households it mails (a correction: those whose share changed), and how many are done. */
export async function mailingProgress(week: string): Promise<Mailing.Progress> {
  const { stored, shares } = await load(week);
  if (stored?.status !== "published") return { total: 0, sent: 0, done: true };
  const mailed = shares.filter((s) => needsMail(s, stored.version));
  return {
    total: mailed.length,
    sent: mailed.filter((s) => s.mailedVersion === stored.version).length,
    done: stored.mailedVersion === stored.version,
  };
}

/**
 * What a household was mailed for the published version a new publish
 * replaces: the lines a correction compares with. A share this publish
 * wrote on an earlier try keeps what it carried; a household not mailed
 * the last version gets its whole share, as new.
 */
export function previousLines(existing: Share | undefined, publishedVersion: number, version: number): Line[] | undefined {
  if (!existing) return undefined;
  if (existing.version === version) return existing.previousLines;
  return existing.version === publishedVersion && existing.mailedVersion === publishedVersion ? existing.lines : undefined;
}

/** The mail job's part: households of recently published weeks not mailed yet (a publish that died halfway, or its mailing did). */
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
