import { beforeAll, describe, expect, it } from "vitest";
import { withActor } from "../actor";
import { useDB } from "../entities";
import { useTestTable } from "../../../../test/setup/table";
import { balancesBefore } from "./balances";

const farmID = "farm-balances";
const households = ["hh_1", "hh_2", "hh_3", "hh_4", "hh_5", "hh_6"];
/** Who has a share in which week; W04 is a draft without shares, hh_6 never took part. */
const shares: Record<string, string[]> = {
  "2027-W01": ["hh_1", "hh_2", "hh_3", "hh_4", "hh_5"],
  "2027-W02": ["hh_1", "hh_2"],
  "2027-W03": ["hh_1"],
  "2027-W04": [],
  "2027-W05": ["hh_2", "hh_5"],
  "2027-W07": ["hh_3"],
};
const balance = (week: string, householdID: string) => ({ "courgette|piece": Number(week.slice(-2)) * 10 + Number(householdID.slice(-1)) });

beforeAll(async () => {
  await useTestTable();
  await withActor({ type: "system", farmID }, async () => {
    const db = useDB().entities;
    for (const [week, holders] of Object.entries(shares)) {
      await db.harvestWeek.create({ farmID, week, status: holders.length ? "published" : "draft", items: [], version: 1 }).go();
      for (const householdID of holders)
        await db.harvestShare.put({ farmID, week, householdID, lines: [], version: 1, balances: balance(week, householdID) }).go();
    }
  });
});

/** The rule as it reads: per household, the share of the latest week before the given one. */
function expected(week: string) {
  const out: Record<string, unknown> = {};
  for (const [w, holders] of Object.entries(shares).sort(([a], [b]) => a.localeCompare(b)))
    if (w < week) for (const h of holders) out[h] = balance(w, h);
  return out;
}

describe("balancesBefore", () => {
  it("carries each household's latest share before the week, also from weeks older than the last two", async () => {
    for (const week of ["2027-W01", "2027-W02", "2027-W03", "2027-W04", "2027-W05", "2027-W06", "2027-W07", "2027-W08", "2028-W01"])
      expect(await withActor({ type: "system", farmID }, () => balancesBefore(week, households)), week).toEqual(expected(week));
  });

  it("reads only the households asked for, and takes them while they are still being read", async () => {
    const got = await withActor({ type: "system", farmID }, () => balancesBefore("2027-W06", Promise.resolve(["hh_1", "hh_6"])));
    expect(got).toEqual({ hh_1: balance("2027-W03", "hh_1") });
  });
});
