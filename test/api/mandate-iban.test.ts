import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@akker/core/actor";
import { Clock } from "@akker/core/clock";
import { composeIBAN, friendlyFormatIBAN } from "@akker/core/contribution/iban";
import { Mandate } from "@akker/core/contribution/mandate";
import { useDB } from "@akker/core/entities";
import { Household } from "@akker/core/household/household";
import { createApp } from "../../functions/src/api/app";
import { login, makeHousehold, freshFarmApp } from "./helpers";

/*
 * A mandate's IBAN belongs to one household: another household cannot put it
 * on its own mandate (the farm would collect its dues from that account, and
 * the bank import book that account's transfers on it), unless the treasurer
 * lets them share it. Bank lines match active mandates only, and an IBAN of
 * more than one household is left for the treasurer. Every change is mailed
 * to the household's people.
 */

type Client = Awaited<ReturnType<typeof login>>;

let app: ReturnType<typeof createApp>;
let farmID: string;
let treasurer: Client;
const now = Date.parse("2027-02-20T10:00:00Z");
const hh: Record<string, { id: string; client: Client; email: string }> = {};
let accounts = 0;
/** A valid Dutch IBAN not used before in this file. */
const newIBAN = () => composeIBAN("NL", `ABNA${String(10_000_000_000 + ++accounts).slice(1)}`);
const given = (iban: string, holder = "Rekeninghouder") => ({ iban, accountHolder: holder, signedOn: "2027-01-15" });

async function household(name: string, extra: string[] = []) {
  const email = `${name.toLowerCase()}@example.nl`;
  const household = extra.length
    ? await withActor({ type: "system", farmID }, () =>
        Household.create({
          name,
          adults: 1 + extra.length,
          children: 0,
          vegetarian: false,
          certificate: "full",
          status: "active",
          people: [name, ...extra].map((n) => ({ name: n, email: `${n.toLowerCase()}@example.nl`, locale: "nl" as const })),
        }),
      )
    : (await makeHousehold(farmID, { name, email, roles: name === "Penning" ? ["treasurer"] : [] })).household;
  hh[name] = { id: household.id, client: await login(app, email, `10.8.0.${Object.keys(hh).length + 1}`), email };
  return hh[name]!;
}

const mandateOf = (name: string) => `/api/households/${hh[name]!.id}/mandate`;

async function importLines(...lines: [reference: string, iban: string][]) {
  const csv = ["datum;bedrag;omschrijving;rekening", ...lines.map(([ref, iban]) => `2027-02-10;50,00;${ref};${iban}`)].join("\n");
  const res = await treasurer.post("/api/payments/import", csv, { "content-type": "text/csv" });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { imported: number; payments: { householdID: string; reference: string }[]; review: { line: number; description: string; reason: string }[] };
}

async function mails(email: string) {
  const res = await app.request(`/api/dev/outbox?to=${encodeURIComponent(email)}`);
  return ((await res.json()) as { messages: { subject: string; text: string }[] }).messages.filter((m) => /machtiging|mandate|rekening/i.test(m.subject));
}

const claims = async () =>
  (await useDB().entities.ibanClaim.scan.where((a, op) => op.eq(a.farmID, farmID)).go({ pages: "all", consistent: true })).data;

beforeAll(async () => {
  ({ farmID, app } = await freshFarmApp(now));
  treasurer = (await household("Penning")).client;
});

afterAll(() => Clock.set(undefined));

describe("an IBAN on another household's mandate", () => {
  it("is refused, in any spelling; the bank import keeps booking its transfers on its own household", async () => {
    const victim = await household("Slachtoffer");
    const attacker = await household("Aanvaller");
    const iban = newIBAN();
    expect((await victim.client.put(mandateOf("Slachtoffer"), given(iban, "S. Slachtoffer"))).status).toBe(200);
    for (const spelling of [iban, friendlyFormatIBAN(iban), friendlyFormatIBAN(iban).toLowerCase(), ` ${iban.toLowerCase()} `]) {
      const res = await attacker.client.put(mandateOf("Aanvaller"), given(spelling, "A. Aanvaller"));
      expect(res.status, spelling).toBe(409);
      expect(res.body.error.code).toBe("mandate.iban_taken");
    }
    // the treasurer too is refused unless they say the account is shared
    expect((await treasurer.put(mandateOf("Aanvaller"), given(iban))).body.error.code).toBe("mandate.iban_taken");
    expect((await attacker.client.get(mandateOf("Aanvaller"))).body).toEqual({ mandate: null });
    const report = await importLines(["VICTIM-FEB", friendlyFormatIBAN(iban)]);
    expect(report.payments.map((p) => p.householdID)).toEqual([victim.id]);
  });

  it("is shared only when the treasurer says so, and its transfers are then never guessed", async () => {
    const owner = await household("Ouders", ["Moeder"]);
    const child = await household("Kind");
    const iban = newIBAN();
    expect((await owner.client.put(mandateOf("Ouders"), given(iban, "Ouders"))).status).toBe(200);
    // a member cannot approve sharing for itself
    const self = await child.client.put(mandateOf("Kind"), { ...given(iban), shareIBAN: true });
    expect([self.status, self.body.error.code]).toEqual([403, "mandate.share_forbidden"]);
    const shared = await treasurer.put(mandateOf("Kind"), { ...given(iban, "Ouders"), shareIBAN: true });
    expect(shared.status, JSON.stringify(shared.body)).toBe(200);
    expect(shared.body.mandate.status).toBe("active");
    // the account's holders learn that it now pays for another household too
    for (const email of ["ouders@example.nl", "moeder@example.nl"])
      expect((await mails(email)).map((m) => m.subject)).toContain("Je rekening staat nu ook op een andere machtiging");
    // once approved, the household renews its own mandate on that account without the treasurer
    expect((await child.client.put(mandateOf("Kind"), given(iban, "Ouders samen"))).status).toBe(200);
    // a line from that account could be either household's: the treasurer books it by hand
    const report = await importLines(["SHARED-FEB", iban]);
    expect(report.imported).toBe(0);
    expect(report.review.map((l) => [l.line, l.description, l.reason])).toEqual([[2, "SHARED-FEB", "ambiguous"]]);
    // and a third household still cannot take it
    const third = await household("Derde");
    expect((await third.client.put(mandateOf("Derde"), given(iban))).status).toBe(409);
  });

  it("is free again once its mandate is revoked or moves to another account; only active mandates match", async () => {
    const first = await household("Vertrekker");
    const second = await household("Verhuizer");
    const other = await household("Nieuwkomer");
    const [a, b, c] = [newIBAN(), newIBAN(), newIBAN()];
    expect((await first.client.put(mandateOf("Vertrekker"), given(a))).status).toBe(200);
    expect((await second.client.put(mandateOf("Verhuizer"), given(b))).status).toBe(200);
    expect((await first.client.delete(mandateOf("Vertrekker"))).body.mandate.status).toBe("revoked");
    expect((await second.client.put(mandateOf("Verhuizer"), given(c))).status).toBe(200);
    // a revoked mandate, and the account a household moved away from, match nothing
    const report = await importLines(["REVOKED-FEB", a], ["MOVED-FEB", b], ["CURRENT-FEB", c]);
    expect(report.payments.map((p) => [p.reference, p.householdID])).toEqual([["CURRENT-FEB", second.id]]);
    expect(report.review.map((l) => [l.description, l.reason])).toEqual([
      ["REVOKED-FEB", "unknown"],
      ["MOVED-FEB", "unknown"],
    ]);
    // both accounts are free for another household now
    expect((await other.client.put(mandateOf("Nieuwkomer"), given(a))).status).toBe(200);
    expect((await other.client.put(mandateOf("Nieuwkomer"), given(b))).status).toBe(200);
    expect((await second.client.put(mandateOf("Verhuizer"), given(b))).status).toBe(409);
  });
});

describe("a household's records removed after their retention", () => {
  it("free its account for others (Mandate.forget)", async () => {
    const gone = await household("Verleden");
    const next = await household("Opvolger");
    const iban = newIBAN();
    expect((await gone.client.put(mandateOf("Verleden"), given(iban))).status).toBe(200);
    expect((await next.client.put(mandateOf("Opvolger"), given(iban))).status).toBe(409);
    await withActor({ type: "system", farmID }, () => Mandate.forget(gone.id));
    expect((await treasurer.get(mandateOf("Verleden"))).body).toEqual({ mandate: null });
    expect((await next.client.put(mandateOf("Opvolger"), given(iban))).status).toBe(200);
  });
});

describe("racing for one account", () => {
  it("ten households giving the same IBAN at once: exactly one gets it", async () => {
    const racers = [];
    for (let i = 0; i < 10; i++) racers.push(await household(`Renner${i}`));
    for (let round = 0; round < 3; round++) {
      const iban = newIBAN();
      const results = await Promise.all(racers.map((r, i) => r.client.put(mandateOf(`Renner${i}`), given(iban))));
      expect(results.map((r) => r.status).sort(), JSON.stringify(results.map((r) => r.body?.error?.code))).toEqual([200, ...Array(9).fill(409)]);
      const holders = (await useDB().entities.mandate.query.byHousehold({ farmID }).go({ pages: "all" })).data.filter(
        (m) => m.iban === iban && m.status === "active",
      );
      expect(holders).toHaveLength(1);
      expect((await claims()).find((c) => c.iban === iban)?.householdIDs).toEqual([holders[0]!.householdID]);
    }
  });

  it("after gives, moves and revokes at once, every account's claim names exactly the households whose active mandate holds it", async () => {
    const names = ["Storm0", "Storm1", "Storm2"];
    for (const name of names) await household(name);
    const pool = [newIBAN(), newIBAN(), newIBAN()];
    for (let round = 0; round < 4; round++) {
      await Promise.all(
        Array.from({ length: 12 }, (_, i) => {
          const name = names[(i + round) % names.length]!;
          const client = hh[name]!.client;
          return (i + round) % 4 === 3 ? client.delete(mandateOf(name)) : client.put(mandateOf(name), given(pool[(i * 7 + round) % pool.length]!));
        }),
      );
      const mandates = (await useDB().entities.mandate.query.byHousehold({ farmID }).go({ pages: "all", consistent: true })).data;
      const all = await claims();
      for (const iban of pool) {
        const active = mandates.filter((m) => m.iban === iban && m.status === "active").map((m) => m.householdID);
        expect(active.length, `round ${round}: ${iban} on ${active.length} active mandates`).toBeLessThanOrEqual(1);
        expect([...(all.find((c) => c.iban === iban)?.householdIDs ?? [])].sort(), `round ${round}: ${iban}`).toEqual(active.sort());
      }
    }
  });
});

describe("a mandate's changes are mailed", () => {
  it("to every person of the household: given, changed, revoked; the IBAN masked", async () => {
    const family = await household("Gezin", ["Partner"]);
    const [iban, next] = [newIBAN(), newIBAN()];
    expect((await family.client.put(mandateOf("Gezin"), given(iban, "G. Gezin"))).status).toBe(200);
    expect((await family.client.put(mandateOf("Gezin"), given(next, "G. Gezin"))).status).toBe(200);
    expect((await family.client.delete(mandateOf("Gezin"))).status).toBe(200);
    // revoking again changes nothing and mails nobody
    expect((await family.client.delete(mandateOf("Gezin"))).status).toBe(200);
    for (const email of ["gezin@example.nl", "partner@example.nl"]) {
      const got = await mails(email);
      expect(got.map((m) => m.subject).reverse()).toEqual(["Machtiging gegeven: Gezin", "Machtiging gewijzigd: Gezin", "Machtiging ingetrokken: Gezin"]);
      for (const m of got) {
        expect(m.text).not.toContain(iban);
        expect(m.text).not.toContain(next);
        expect(m.text).toContain("Gezin");
      }
      expect(got[0]!.text).toContain(`${next.slice(0, 4)} … ${next.slice(-4)}`);
    }
    // a change by the treasurer is mailed as well, naming who made it
    expect((await treasurer.put(mandateOf("Gezin"), given(iban, "G. Gezin"))).status).toBe(200);
    expect((await mails("partner@example.nl"))[0]).toMatchObject({ subject: "Machtiging gegeven: Gezin", text: expect.stringContaining("Penning heeft") });
  });
});

describe("a mandate's reference and account holder", () => {
  it("the platform assigns the reference; a holder's name needs Latin letters, which the file then carries", async () => {
    const own = await household("Wang");
    const refused = await own.client.put(mandateOf("Wang"), given(newIBAN(), "王小明"));
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues).toEqual([{ path: "accountHolder", message: "Write the account holder's name in Latin letters, as the bank has it." }]);
    expect((await own.client.get(mandateOf("Wang"))).body.mandate).toBeNull();
    const iban = newIBAN();
    const res = await own.client.put(mandateOf("Wang"), { ...given(iban, "Wang Xiaoming 王小明"), mandateID: "/MY//OWN" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.mandate.mandateID).toMatch(/^AKKER-[0-9A-Z]{26}$/);
    expect(res.body.mandate.accountHolder).toBe("Wang Xiaoming 王小明");
    // the same account again keeps its reference; a reference from before the platform checked them is replaced
    const reference = res.body.mandate.mandateID;
    expect((await own.client.put(mandateOf("Wang"), given(iban, "X. Wang"))).body.mandate.mandateID).toBe(reference);
    await useDB().entities.mandate.patch({ farmID, householdID: own.id }).set({ mandateID: "A//B" }).go();
    const renewed = (await own.client.put(mandateOf("Wang"), given(iban, "X. Wang"))).body.mandate;
    expect(renewed.mandateID).toMatch(/^AKKER-[0-9A-Z]{26}$/);
    expect(renewed.mandateID).not.toBe(reference);
  });
});
