import { withActor } from "../actor";
import { writeAll } from "../batch-write";
import { useDB } from "../entities";
import { Farm } from "../farm/farm";
import { checkComposition } from "../household/mouths";
import { Household } from "../household/household";
import { Certificate } from "../membership/certificate";
import { Person } from "../person/person";

const firstNames = [
  "Anne", "Bram", "Daan", "Eva", "Femke", "Gijs", "Hanna", "Iris", "Jesse", "Julia",
  "Kees", "Lotte", "Maarten", "Noor", "Pieter", "Roos", "Sanne", "Thijs", "Vera", "Wouter",
  "Yara", "Bas", "Charlotte", "Dirk", "Emma", "Floor", "Geert", "Hidde", "Ilse", "Joris",
  "Karin", "Lieke", "Merel", "Niels", "Olga", "Pim", "Ruud", "Sophie", "Tessa", "Willemijn",
];
const surnames = [
  "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser",
  "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
  "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer",
  "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen",
  "van den Broek", "de Bruijn", "de Bruin", "van der Heijden", "Schouten", "van Beek", "Willems",
  "van Vliet", "van de Ven", "Hoekstra", "Maas", "Verhoeven", "Koster", "van Dam", "Prins",
];

/** Small deterministic generator, so every fresh demo farm is the same farm. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export const demoFarm = { id: "demo", name: "Herenboerderij De Akker" };
/** Friday afternoon and Saturday morning at the farm's shed, as many Herenboeren farms do. */
export const demoPickup = [
  { weekday: 5, from: "16:00", to: "19:00", place: "De schuur op de boerderij, Akkerweg 12" },
  { weekday: 6, from: "10:00", to: "12:00", place: "De schuur op de boerderij, Akkerweg 12" },
];

export interface DemoComposition {
  name: string;
  contact: string;
  adults: number;
  children: number;
  vegetarian: boolean;
  certificate: "full" | "half";
}

/** The 200 households of the demo farm: about 500 mouths, some vegetarian, some on half certificates. */
export function demoHouseholds(count = 200): DemoComposition[] {
  const rnd = random(2027);
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)]!;
  const out: DemoComposition[] = [];
  for (let i = 1; i <= count; i++) {
    const surname = pick(surnames);
    const first = pick(firstNames);
    let adults: number;
    let children: number;
    // households 2–4 hold the board, treasurer and coordinator as second adult
    const r = rnd();
    if (i >= 2 && i <= 4) [adults, children] = [2, Math.floor(rnd() * 3)];
    else if (r < 0.14) [adults, children] = [1, 0];
    else if (r < 0.32) [adults, children] = [2, 0];
    else if (r < 0.7) [adults, children] = [2, 1 + Math.floor(rnd() * 3)];
    else if (r < 0.82) [adults, children] = [1, 2 + Math.floor(rnd() * 3)];
    else if (r < 0.92) [adults, children] = [3, Math.floor(rnd() * 2)];
    else [adults, children] = [4, Math.floor(rnd() * 3)];
    const certificate = adults === 1 && children === 0 ? "half" : "full";
    const composition = { adults, children, certificate } as const;
    if (checkComposition(composition, 0.5).length) [adults, children] = [2, 2];
    out.push({
      name: surname[0]!.toUpperCase() + surname.slice(1),
      contact: `${first} ${surname}`,
      adults,
      children,
      vegetarian: rnd() < 0.18,
      certificate,
    });
  }
  return out;
}

const staff = [
  { email: "bestuur@demo.test", name: "Marleen Bestuur", household: 2, roles: ["board"] as const },
  { email: "penningmeester@demo.test", name: "Henk Penning", household: 3, roles: ["treasurer", "board"] as const },
  { email: "coordinator@demo.test", name: "Sara Klus", household: 4, roles: ["coordinator"] as const },
  { email: "boer@demo.test", name: "Jan de Boer", household: null, roles: ["farmer"] as const },
];

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

/**
 * Creates the demo farm once: returns false when it already exists, so
 * a restart keeps whatever people did with the demo.
 */
export async function seedDemo(opts: { households?: number } = {}): Promise<boolean> {
  return withActor({ type: "system", farmID: demoFarm.id }, async () => {
    const farm = await useDB().entities.farm.get({ farmID: demoFarm.id }).go();
    // The farmer's login is made last: when it exists, the seed is complete.
    if (farm.data && (await Person.byEmail("boer@demo.test"))) return false;
    if (farm.data)
      throw new Error("The demo data is incomplete (an earlier start was interrupted): delete .data/ and start again.");
    // the demo farm collects the contribution by direct debit (example account and creditor ID)
    await Farm.create({ ...demoFarm, creditorName: demoFarm.name, creditorIBAN: "NL91ABNA0417164300", creditorID: "NL64ZZZ409876540000", vegetarianDiscountCents: 200, pickup: demoPickup });
    const list = demoHouseholds(opts.households ?? 200);
    const ids: string[] = [];
    await inBatches(
      list.map((h, i) => ({ h, i })),
      10,
      async ({ h, i }) => {
        const n = String(i + 1).padStart(3, "0");
        const created = await Household.create({
          name: `${h.name} (${n})`,
          adults: h.adults,
          children: h.children,
          vegetarian: h.vegetarian,
          certificate: h.certificate,
          status: "active",
          people: [{ name: h.contact, email: `lid${n}@demo.test`, locale: "nl" }],
        });
        ids[i] = created.id;
      },
    );
    // every demo household paid its deposit; members joined over 2024–2026
    const since = (i: number) => `${2024 + (i % 3)}-${String(1 + ((i * 5) % 10)).padStart(2, "0")}-01`;
    await Certificate.seedPaid(
      list.map((h, i) => ({
        householdID: ids[i]!,
        certificate: h.certificate,
        memberSince: since(i),
        reference: `INLEG-${String(i + 1).padStart(3, "0")}`,
      })),
    );
    // … and has eaten (and paid) as it is since then: the contribution counts from that date
    const db = useDB().entities;
    await writeAll(
      (items) => db.compositionPeriod.put(items).go({ concurrency: 4 }),
      list.map((h, i) => ({
        farmID: demoFarm.id,
        householdID: ids[i]!,
        from: since(i),
        adults: h.adults,
        children: h.children,
        vegetarian: h.vegetarian,
        active: true,
      })),
    );
    for (const s of staff) {
      const person = await Person.create({
        name: s.name,
        email: s.email,
        householdID: s.household ? ids[s.household - 1] : undefined,
        locale: "nl",
      });
      for (const role of s.roles) await Person.grantRole(person.id, role);
    }
    return true;
  });
}
