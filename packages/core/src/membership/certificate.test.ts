import { beforeAll, describe, expect, it } from "vitest";
import { withActor } from "../actor";
import { demoFarm, seedDemo } from "../demo/seed";
import { useTestTable } from "../../../../test/setup/table";
import { Certificate } from "./certificate";

beforeAll(async () => {
  await useTestTable();
});

describe("the demo farm's certificates", () => {
  it("every household holds its certificate, paid in full, as a member since 2024–2026", async () => {
    expect(await seedDemo({ households: 12 })).toBe(true);
    await withActor({ type: "system", farmID: demoFarm.id }, async () => {
      const { certificates, totals } = await Certificate.register();
      expect(certificates).toHaveLength(12);
      expect(totals.byStatus).toEqual({ pending: 0, paid: 12, refund_due: 0, refunded: 0 });
      expect(totals.outstandingCents).toBe(0);
      for (const c of certificates) {
        expect(c.paidCents).toBe(c.certificate === "full" ? 200_000 : 100_000);
        expect(c.memberSince).toMatch(/^202[4-6]-\d{2}-01$/);
        expect(c.firstPossibleEndDate).toBe(`${Number(c.memberSince.slice(0, 4)) + 2}-12-31`);
      }
      expect(new Set(certificates.map((c) => c.memberSince.slice(0, 4)))).toEqual(new Set(["2024", "2025", "2026"]));
      const one = await Certificate.get(certificates[0]!.householdID);
      expect(one.payments).toHaveLength(1);
      expect(one.payments[0]!.reference).toMatch(/^INLEG-\d{3}$/);
    });
  });
});
