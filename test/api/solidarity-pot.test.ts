import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Clock } from "@akker/core/clock";
import { useDB } from "@akker/core/entities";
import { createApp } from "../../functions/src/api/app";
import { login, makeHousehold, makePerson, freshFarmApp } from "./helpers";

/*
 * The solidarity pot never promises more than it holds: reductions are
 * granted from what the supporters' extra leaves free, and a supporter
 * cannot step back so far that the pot no longer covers what it granted,
 * also when the step back and the reductions arrive at the same moment.
 */

type Client = Awaited<ReturnType<typeof login>>;

let app: ReturnType<typeof createApp>;
let farmID: string;
const hh: Record<string, { id: string; client: Client }> = {};
const joined = Date.parse("2026-11-15T10:00:00Z");
const now = Date.parse("2027-02-20T10:00:00Z");

const choose = (name: string, body: object) => hh[name]!.client.put(`/api/households/${hh[name]!.id}/solidarity`, body);
const pot = async () => (await hh.Steun!.client.get("/api/contribution/solidarity?year=2027")).body;

/** The pot's totals as the choices themselves add up (what the pot item says must agree). */
async function fromChoices() {
  const { data } = await useDB().entities.solidarityChoice.query.byYear({ farmID, year: 2027 }).go({ pages: "all", consistent: true });
  const sum = (choice: string) => data.filter((c) => c.choice === choice).reduce((n, c) => n + c.potCents, 0);
  return { supportCents: sum("supporter"), grantedCents: sum("reduced") };
}

beforeAll(async () => {
  ({ farmID, app } = await freshFarmApp(joined));
  await makePerson(farmID, { name: "Bert Bestuur", email: "bestuur@example.nl", roles: ["board"] });
  // every household 2 adults: the same yearly contribution, so a supporter's 20% is two reductions of 10%
  for (const name of ["Penning", "Steun", "Minder", "Krap", "Zuinig"])
    hh[name] = { id: (await makeHousehold(farmID, { name, email: `${name.toLowerCase()}@example.nl`, roles: name === "Penning" ? ["treasurer"] : [] })).household.id, client: undefined as unknown as Client };
  Clock.set(now);
  let n = 1;
  for (const name of Object.keys(hh)) hh[name]!.client = await login(app, `${name.toLowerCase()}@example.nl`, `10.7.0.${n++}`);
  const board = await login(app, "bestuur@example.nl", "10.7.1.1");
  expect((await board.put("/api/seasons/2027", { budgetCents: 858_000, weeks: 52, vegetarianDiscountCents: 200 })).status).toBe(200);
  expect((await hh.Penning!.client.post("/api/seasons/2027/confirm")).status).toBe(200);
});

afterAll(() => Clock.set(undefined));

describe("the solidarity pot", () => {
  it("a supporter cannot step back below what the pot has granted; once the reduction is given back, they can", async () => {
    expect((await choose("Steun", { choice: "supporter", percent: 20 })).status).toBe(200);
    expect((await choose("Minder", { choice: "reduced", percent: 15, reason: "ziek" })).status).toBe(200);
    const full = await pot();
    expect(full.availableCents).toBeGreaterThanOrEqual(0);

    // stepping back, or lowering the extra below 15%, would leave the reduction uncovered
    const back = await choose("Steun", { choice: "standard" });
    expect(back.status).toBe(409);
    expect(back.body.error).toMatchObject({ code: "solidarity.pot_promised", lowestPercent: 15 });
    expect((await choose("Steun", { choice: "supporter", percent: 10 })).body.error.code).toBe("solidarity.pot_promised");
    // nor may the supporter trade their extra for a reduction
    expect((await choose("Steun", { choice: "reduced", percent: 5 })).status).toBe(409);
    expect(await pot()).toEqual(full);

    // as low as the pot allows is fine
    expect((await choose("Steun", { choice: "supporter", percent: 15 })).status).toBe(200);
    expect((await pot()).availableCents).toBe(0);
    // the reduction given back, the supporter is free to step back
    expect((await choose("Minder", { choice: "standard" })).status).toBe(200);
    expect((await choose("Steun", { choice: "standard" })).status).toBe(200);
    expect(await pot()).toMatchObject({ supportCents: 0, grantedCents: 0, availableCents: 0 });
  });

  it("a supporter stepping back while two reductions are asked, at the same moment: the pot never carries more than it holds", async () => {
    const outcomes = new Set<string>();
    for (let round = 0; round < 6; round++) {
      expect((await choose("Steun", { choice: "supporter", percent: 20 })).status).toBe(200);
      for (const name of ["Krap", "Zuinig"]) expect((await choose(name, { choice: "standard" })).status).toBe(200);
      // each reduction is 10%: both fit while the supporter stays, none once they step back
      const [back, krap, zuinig] = await Promise.all([
        choose("Steun", { choice: "standard" }),
        choose("Krap", { choice: "reduced", percent: 10 }),
        choose("Zuinig", { choice: "reduced", percent: 10 }),
      ]);
      outcomes.add([back.status, krap.status, zuinig.status].join(","));
      for (const res of [back, krap, zuinig]) expect([200, 409]).toContain(res.status);
      const totals = await pot();
      expect(totals.grantedCents, `round ${round}: ${[back.status, krap.status, zuinig.status]}`).toBeLessThanOrEqual(totals.supportCents);
      expect(totals.availableCents).toBeGreaterThanOrEqual(0);
      expect(await fromChoices()).toEqual({ supportCents: totals.supportCents, grantedCents: totals.grantedCents });
      // the supporter stepped back only if nothing was granted against their extra
      if (back.status === 200) expect([krap.status, zuinig.status]).toEqual([409, 409]);
    }
    for (const name of ["Krap", "Zuinig"]) expect((await choose(name, { choice: "standard" })).status).toBe(200);
  });
});
