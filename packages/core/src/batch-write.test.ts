import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { useTestTable } from "../../../test/setup/table";
import { withActor } from "./actor";
import { writeAll } from "./batch-write";
import { Clock } from "./clock";
import { Composition } from "./contribution/composition";
import { Harvest } from "./harvest/harvest";
import { weekOf } from "./week";
import { demoFarm, seedDemo } from "./demo/seed";
import { useDynamo } from "./dynamo";
import { useDB } from "./entities";

const noWait = () => Promise.resolve();

describe("writeAll", () => {
  it("sends what is left unprocessed again until nothing is", async () => {
    const sent: number[][] = [];
    await writeAll(
      async (items: number[]) => {
        sent.push(items);
        return { unprocessed: items.slice(Math.ceil(items.length / 2)) };
      },
      [1, 2, 3, 4, 5, 6, 7, 8],
      { sleep: noWait },
    );
    expect(sent).toEqual([[1, 2, 3, 4, 5, 6, 7, 8], [5, 6, 7, 8], [7, 8], [8]]);
  });

  it("waits longer before each try, and gives up with the count after the last", async () => {
    const waits: number[] = [];
    const tries = writeAll(async (items: string[]) => ({ unprocessed: items }), ["a", "b"], {
      tries: 4,
      sleep: async (ms) => void waits.push(ms),
    });
    await expect(tries).rejects.toThrow("2 of 2 items still unprocessed after 4 batch writes");
    expect(waits).toHaveLength(3);
    // full jitter: each wait lies under its doubling ceiling (100, 200, 400 ms)
    waits.forEach((ms, i) => expect(ms).toBeLessThanOrEqual(50 * 2 ** (i + 1)));
  });

  it("writes nothing for nothing", async () => {
    let calls = 0;
    await writeAll(async () => {
      calls++;
      return { unprocessed: [] };
    }, []);
    expect(calls).toBe(0);
  });
});

/**
 * DynamoDB as it behaves under load: every batch write the first time it is
 * seen writes only its first half and answers the rest unprocessed (DynamoDB
 * Local does so for items that waited over 10 s for the table's write lock,
 * AWS for a throttled partition).
 */
function halfUnprocessed() {
  const { client, table } = useDynamo();
  const name = "half-unprocessed";
  let cut = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== "BatchWriteItemCommand") return next(args);
      const input = (args as { input: { RequestItems: Record<string, unknown[]> } }).input;
      const all = input.RequestItems[table]!;
      if (all.length < 2) return next(args);
      const keep = all.slice(0, Math.ceil(all.length / 2));
      const left = all.slice(keep.length);
      cut += left.length;
      input.RequestItems = { [table]: keep };
      const out = await next(args);
      (out.output as { UnprocessedItems?: Record<string, unknown[]> }).UnprocessedItems = { [table]: left };
      return out;
    },
    { step: "initialize", name },
  );
  return { cut: () => cut, stop: () => client.middlewareStack.remove(name) };
}

describe("batch writes under a DynamoDB that leaves items unprocessed", () => {
  beforeAll(async () => {
    await useTestTable();
  });
  let stop = () => false as boolean;
  afterEach(() => void stop());

  it("seed every certificate, deposit and composition of the demo farm", async () => {
    const db = halfUnprocessed();
    stop = db.stop;
    expect(await seedDemo({ households: 60 })).toBe(true);
    expect(db.cut()).toBeGreaterThan(0);
    db.stop();
    await withActor({ type: "system", farmID: demoFarm.id }, async () => {
      const e = useDB().entities;
      const farmID = demoFarm.id;
      expect((await e.certificate.query.byHousehold({ farmID }).go({ pages: "all" })).data).toHaveLength(60);
      const references = Array.from({ length: 60 }, (_, i) => ({ farmID, reference: `INLEG-${String(i + 1).padStart(3, "0")}` }));
      const deposits = await e.depositPayment.get(references).go();
      expect(deposits.data).toHaveLength(60);
      expect(deposits.unprocessed).toHaveLength(0);
      expect((await e.compositionPeriod.query.byFarm({ farmID }).go({ pages: "all" })).data).toHaveLength(60);
    });
  });

  it("keep every composition period the statements add", async () => {
    await withActor({ type: "system", farmID: demoFarm.id }, async () => {
      const e = useDB().entities;
      const farmID = demoFarm.id;
      // without their periods, the statements must write them again, all 60
      const periods = (await e.compositionPeriod.query.byFarm({ farmID }).go({ pages: "all" })).data;
      await e.compositionPeriod.delete(periods).go();
      const db = halfUnprocessed();
      stop = db.stop;
      await Composition.sync(await Composition.households(), new Map());
      expect(db.cut()).toBeGreaterThan(0);
      db.stop();
      expect((await e.compositionPeriod.query.byFarm({ farmID }).go({ pages: "all" })).data).toHaveLength(60);
    });
  });

  it("publish a share for every household", async () => {
    await withActor({ type: "system", farmID: demoFarm.id }, async () => {
      const week = weekOf(Clock.now());
      await Harvest.save(week, { items: [{ crop: "prei", unit: "piece", quantity: 150 }] });
      const db = halfUnprocessed();
      stop = db.stop;
      await Harvest.publish(week);
      expect(db.cut()).toBeGreaterThan(0);
      db.stop();
      const shares = await useDB().entities.harvestShare.query.byWeek({ farmID: demoFarm.id, week }).go({ pages: "all" });
      expect(shares.data).toHaveLength(60);
    });
  });
});
