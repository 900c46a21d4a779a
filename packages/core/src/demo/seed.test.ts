import { beforeAll, describe, expect, it } from "vitest";
import { withActor } from "../actor";
import { Household } from "../household/household";
import { Person } from "../person/person";
import { useTestTable } from "../../../../test/setup/table";
import { demoFarm, demoHouseholds, seedDemo } from "./seed";
import { seedActivity } from "./activity";
import { Harvest } from "../harvest/harvest";
import { Workday } from "../workday/workday";
import { Election } from "../election/election";
import { Poll } from "../poll/poll";
import { Season } from "../contribution/season";
import { Statement } from "../contribution/statement";
import { amsterdamParts } from "../week";

beforeAll(async () => {
  await useTestTable();
});

describe("the demo farm", () => {
  it("has 200 households of about 500 mouths, with vegetarians and half certificates", () => {
    const list = demoHouseholds();
    expect(list).toHaveLength(200);
    const mouths = list.reduce((n, h) => n + h.adults + h.children * 0.5, 0);
    expect(mouths).toBeGreaterThan(450);
    expect(mouths).toBeLessThan(560);
    expect(list.filter((h) => h.vegetarian).length).toBeGreaterThan(15);
    expect(list.filter((h) => h.certificate === "half").length).toBeGreaterThan(10);
  });

  it("is seeded once into DynamoDB, with the demo logins and roles", async () => {
    expect(await seedDemo()).toBe(true);
    expect(await seedDemo()).toBe(false);
    await withActor({ type: "system", farmID: demoFarm.id }, async () => {
      const households = await Household.list();
      expect(households).toHaveLength(200);
      expect(households.every((h) => h.status === "active")).toBe(true);
      const lid200 = (await Person.byEmail("lid200@demo.test"))!;
      expect(lid200.householdID).toBeTruthy();
      const board = (await Person.byEmail("bestuur@demo.test"))!;
      expect(await Person.roles(board, true)).toEqual(["member", "board"]);
      const farmer = (await Person.byEmail("boer@demo.test"))!;
      expect(farmer.householdID).toBeNull();
      expect(await Person.roles(farmer, false)).toEqual(["farmer"]);
      const treasurer = (await Person.byEmail("penningmeester@demo.test"))!;
      expect(await Person.roles(treasurer, true)).toContain("treasurer");
      expect(await Person.roles((await Person.byEmail("coordinator@demo.test"))!, true)).toContain("coordinator");
    });
  });
});

describe("the demo farm's activity", () => {
  // 200 households: two harvests, six work days with sign-ups, a season and a vote opened over the whole roll
  it("has published harvests, work days with sign-ups and an open vote", { timeout: 120_000 }, async () => {
    await seedActivity();
    const board = await withActor({ type: "system", farmID: demoFarm.id }, () => Person.byEmail("bestuur@demo.test"));
    const actor = { type: "person" as const, farmID: demoFarm.id, personID: board!.id, householdID: board!.householdID, roles: ["board" as const, "member" as const], sessionID: "t" };
    await withActor(actor, async () => {
      const harvests = await Harvest.list();
      expect(harvests).toHaveLength(2);
      expect(harvests[0]!.lines?.length).toBeGreaterThan(0);
      const days = await Workday.list({});
      expect(days).toHaveLength(6);
      expect(days.find((d) => d.title === "Wieden in de moestuin")!.confirmed).toBe(10);
      const evening = days.find((d) => d.title === "Oogstavond")!;
      expect(evening).toMatchObject({ confirmed: 8, waitlisted: 2 });
      const year = amsterdamParts(Date.now()).year;
      expect((await Season.get(year)).versions.length).toBe(1);
      // households pay from their membership start (2024–2026), not from the day of the seed
      const statement = await Statement.forHousehold(board!.householdID!, year);
      expect(statement.yearlyCents).toBeGreaterThan(0);
      expect(statement.instalments.filter((i) => i.amountCents > 0).length).toBeGreaterThanOrEqual(2);
      // … and most have paid what is due so far
      expect(statement.paidCents).toBeGreaterThan(0);
      expect(statement.balanceCents).toBe(0);
      const votes = await Election.list();
      expect(votes[0]).toMatchObject({ status: "open", kind: "motion", turnout: { eligible: 200, voted: 0 } });
      const [survey] = await Poll.list();
      expect(survey).toMatchObject({ kind: "rating", title: "Teeltenquête", status: "open" });
      expect((await Poll.results(survey!.id)).answered).toBe(6);
    });
  });
});

describe("people", () => {
  it("an email address is taken once, even by 20 requests at the same instant", async () => {
    await withActor({ type: "system", farmID: demoFarm.id }, async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) => Person.create({ name: `Race ${i}`, email: "race@example.nl", locale: "nl" })),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(rejected.every((r) => r.reason.code === "person.email_taken")).toBe(true);
    });
  });

  it("keeps farms apart: the same address may exist on two farms", async () => {
    const inFarm = (farmID: string) =>
      withActor({ type: "system", farmID }, () => Person.create({ name: "Twee", email: "twee@example.nl", locale: "nl" }));
    await inFarm("farm-a");
    await inFarm("farm-b");
    const a = await withActor({ type: "system", farmID: "farm-a" }, () => Person.byEmail("twee@example.nl"));
    const c = await withActor({ type: "system", farmID: "farm-c" }, () => Person.byEmail("twee@example.nl"));
    expect(a?.name).toBe("Twee");
    expect(c).toBeUndefined();
  });
});
