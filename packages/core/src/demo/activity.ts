import { withActor, type Actor, type Role } from "../actor";
import { Clock } from "../clock";
import { composeIBAN } from "../contribution/iban";
import { Mandate } from "../contribution/mandate";
import { Payment } from "../contribution/payment";
import { Season } from "../contribution/season";
import { Statement } from "../contribution/statement";
import { Election } from "../election/election";
import { Harvest } from "../harvest/harvest";
import { Household } from "../household/household";
import { Person } from "../person/person";
import { Poll } from "../poll/poll";
import { addWeeks, amsterdamParts, amsterdamTime, dateOf, weekOf } from "../week";
import { Workday } from "../workday/workday";
import { demoFarm } from "./seed";

/**
 * Life on the demo farm, so a first `npm start` shows every screen with
 * something in it: last week's and this week's harvest published, work days
 * in the coming weeks (one nearly full), this year's confirmed contribution,
 * an open ALV vote and the farmer's crop survey (teeltenquête).
 */
export async function seedActivity() {
  const farmID = demoFarm.id;
  const system: Actor = { type: "system", farmID };
  const as = async (email: string, roles: Role[]) => {
    const p = (await withActor(system, () => Person.byEmail(email)))!;
    return { type: "person", farmID, personID: p.id, householdID: p.householdID, roles, sessionID: "seed" } as Actor;
  };

  await withActor(system, async () => {
    const thisWeek = weekOf(Clock.now());
    const weeks = [addWeeks(thisWeek, -1), thisWeek];
    // About two kilos of vegetables per mouth, as on a real Herenboeren week.
    const crops = [
      { crop: "courgette", unit: "piece" as const, quantity: 620 },
      { crop: "spinazie", unit: "kg" as const, quantity: 152.35 },
      { crop: "radijs", unit: "bunch" as const, quantity: 480 },
      { crop: "aardappel", unit: "kg" as const, quantity: 510, step: 0.25 },
      { crop: "wortel", unit: "kg" as const, quantity: 190.5 },
      { crop: "gehakt", unit: "kg" as const, quantity: 45, step: 0.5, meat: true },
    ];
    for (const [i, week] of weeks.entries()) {
      await Harvest.save(week, {
        items: crops.map((c) => ({ ...c, quantity: Math.round(c.quantity * (i ? 1 : 0.9) * 100) / 100 })),
        note: i ? "De eerste radijsjes van het seizoen!" : undefined,
      });
      await Harvest.publish(week);
    }
  });

  // Work days: the next four Saturday mornings, a harvest evening and a tour.
  const coordinator = await as("coordinator@demo.test", ["coordinator", "member"]);
  const created = await withActor(coordinator, async () => {
    const p = amsterdamParts(Clock.now());
    const today = new Date(Date.UTC(p.year, p.month - 1, p.day));
    const nextSaturday = new Date(today);
    nextSaturday.setUTCDate(today.getUTCDate() + (((6 - today.getUTCDay() + 7) % 7) || 7));
    const at = (d: Date, days: number, hour: number) => {
      const day = new Date(d);
      day.setUTCDate(d.getUTCDate() + days);
      return new Date(amsterdamTime(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), hour)).toISOString();
    };
    const saturdays = await Workday.create({
      title: "Wieden in de moestuin",
      task: "weeding",
      start: at(nextSaturday, 0, 9),
      end: at(nextSaturday, 0, 12),
      capacity: 12,
      location: "Verzamelen bij de schuur",
      description: "Neem handschoenen mee als je die hebt. Koffie en koek staan klaar.",
      repeatWeeks: 4,
    });
    const evening = await Workday.create({
      title: "Oogstavond",
      task: "harvest",
      start: at(nextSaturday, 3, 18),
      end: at(nextSaturday, 3, 20),
      capacity: 8,
      location: "Kas 2",
      repeatWeeks: 1,
    });
    const tour = await Workday.create({
      title: "Rondleiding voor nieuwe leden",
      task: "tour",
      start: at(nextSaturday, 7, 14),
      end: at(nextSaturday, 7, 15),
      capacity: 4,
      repeatWeeks: 1,
    });
    return { first: saturdays[0]!, evening: evening[0]!, tour: tour[0]! };
  });

  // Members sign up: the first Saturday is nearly full, the harvest evening has a waiting line.
  const households = await withActor(system, () => Household.list());
  const people = await withActor(system, async () =>
    Promise.all(households.slice(10, 30).map(async (h) => (await Person.byHousehold(h.id))[0])),
  );
  for (const [i, p] of people.entries()) {
    if (!p?.householdID) continue;
    const member: Actor = { type: "person", farmID, personID: p.id, householdID: p.householdID, roles: ["member"], sessionID: "seed" };
    await withActor(member, () => Workday.signup(i < 10 ? created.first.id : created.evening.id));
  }

  // This year's contribution: the ALV budget for about 500 mouths at €10 a week, confirmed by the treasurer.
  const treasurer = await as("penningmeester@demo.test", ["treasurer", "board", "member"]);
  await withActor(treasurer, async () => {
    const year = amsterdamParts(Clock.now()).year;
    await Season.save(year, { budgetCents: 26_000_000, weeks: 52, vegetarianDiscountCents: 200 });
    await Season.confirm(year, {});
    // Most households are paid up to this month; every twelfth is one instalment behind. Every
    // tenth pays by direct debit: its mandate is given, and this month's run collects the month.
    const today = dateOf(Clock.now());
    const rows = await Statement.all(year);
    const debit = (n: number) => n % 10 === 3;
    for (const [n, r] of rows.entries())
      if (debit(n))
        await Mandate.put(r.household.householdID, Mandate.Input.parse({ iban: composeIBAN("NL", `RABO${String(3_000_000_000 + n)}`), accountHolder: r.household.name, signedOn: today }));
    for (let i = 0; i < rows.length; i += 20)
      await Promise.all(
        rows.slice(i, i + 20).map((r, k) => {
          const due = r.result.instalments.filter((x) => x.due <= today);
          const behind = (i + k) % 12 === 5 || debit(i + k) ? (due.at(-1)?.amountCents ?? 0) : 0;
          const amountCents = r.result.dueCents - behind;
          if (amountCents <= 0) return undefined;
          return Payment.record({ householdID: r.household.householdID, amountCents, date: today, reference: `BIJDRAGE-${year}-${i + k + 1}` });
        }),
      );
  });

  // An ALV vote, open for two weeks.
  const board = await as("bestuur@demo.test", ["board", "member"]);
  await withActor(board, async () => {
    const vote = await Election.create({
      title: "Begroting en bijdrage volgend jaar",
      description: "De ALV stelt de begroting vast. Het bestuur stelt voor de weekbijdrage met 3% te verhogen.",
      kind: "motion",
      majority: "simple",
      quorumPercent: 30,
      opensAt: new Date(Clock.now() - 60_000).toISOString(),
      closesAt: new Date(Clock.now() + 14 * 24 * 3600_000).toISOString(),
    });
    await Election.open(vote.id);
  });

  // The farmer's teeltenquête, open for three weeks; a few households answered already.
  const farmer = await as("boer@demo.test", ["farmer"]);
  const crops = ["Aardappel", "Courgette", "Spinazie", "Radijs", "Wortel", "Pompoen", "Boerenkool", "Prei"];
  const survey = await withActor(farmer, () =>
    Poll.create({
      kind: "rating",
      title: "Teeltenquête",
      description: "Welke gewassen wil je volgend seizoen vaker, en welke minder? Geef elk 1 tot 5; de boer plant erop.",
      options: crops.map((label) => ({ label })),
      closesAt: new Date(Clock.now() + 21 * 24 * 3600_000).toISOString(),
    }),
  );
  for (const [i, p] of people.slice(0, 6).entries()) {
    if (!p?.householdID) continue;
    const member: Actor = { type: "person", farmID, personID: p.id, householdID: p.householdID, roles: ["member"], sessionID: "seed" };
    const ratings = survey.options.map((o, k) => ({ option: o.id, stars: 1 + ((i + k * 3) % 5) }));
    await withActor(member, () => Poll.answer(survey.id, { ratings, ...(i === 0 ? { comment: "Graag meer pompoen in de herfst." } : {}) }));
  }
}
