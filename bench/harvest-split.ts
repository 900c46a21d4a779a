import { pathToFileURL } from "node:url";
import { allocate, type Balances, type Item, type Participant } from "@akker/core/harvest/allocate";
import { printTable, type Figure } from "./lib";

const warmup = 5;
const runs = 15;
const items = 50;

/** A small seeded generator, so every run measures the same farm. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * A farm of `size` households as farms are (one or two adults, up to three
 * children at half a mouth, one in five vegetarian), a week of 50 items
 * (every unit, odd steps, five of them meat), and the balances that ten
 * earlier weeks left, so the split starts from a lived-in state.
 */
function farm(size: number) {
  const next = random(size);
  const households: Participant[] = Array.from({ length: size }, (_, i) => ({
    id: `hh_${String(i).padStart(6, "0")}`,
    mouths: 1 + Math.floor(next() * 2) + Math.floor(next() * 4) * 0.5,
    vegetarian: next() < 0.2,
  }));
  const units = ["kg", "piece", "bunch"] as const;
  const steps = [undefined, 0.05, 0.1, 0.25];
  const week = (): Item[] =>
    Array.from({ length: items }, (_, k) => {
      const unit = units[k % 3]!;
      const perHousehold = unit === "kg" ? 0.2 + next() * 0.8 : 0.5 + next() * 3;
      const quantity = perHousehold * size;
      return {
        crop: `crop ${k}`,
        unit,
        quantity: unit === "kg" ? Math.round(quantity * 1000) / 1000 : Math.round(quantity),
        ...(unit === "kg" ? { step: steps[k % steps.length] } : {}),
        ...(k % 10 === 9 ? { meat: true } : {}),
      };
    });
  let balances: Balances = {};
  for (let w = 0; w < 10; w++) balances = allocate(week(), households, balances).balances;
  return { households, items: week(), balances };
}

/**
 * Median milliseconds of one split for each farm size, after warming up.
 * The sizes take turns, so a busy spell on the machine hits both alike and
 * the ratio between them stays meaningful.
 */
function time(sizes: number[]) {
  const farms = sizes.map(farm);
  const times = sizes.map((): number[] => []);
  for (let round = 0; round < warmup + runs; round++)
    farms.forEach(({ households, items, balances }, s) => {
      const start = performance.now();
      allocate(items, households, balances);
      if (round >= warmup) times[s]!.push(performance.now() - start);
    });
  return times.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]!);
}

/**
 * The weekly harvest split (`allocate`), pure computation: 50 items over a
 * real farm and over 10,000 and 20,000 households, and how it scales.
 */
export async function harvestSplit(): Promise<Figure[]> {
  const [real, ten, twenty] = time([200, 10_000, 20_000]) as [number, number, number];
  const ratio = twenty / ten;
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  return [
    { name: `Split ${items} items over 200 households (median of ${runs})`, value: ms(real) },
    { name: `Split ${items} items over 10,000 households`, value: ms(ten), target: "≤ 100 ms", ok: ten <= 100 },
    { name: `Split ${items} items over 20,000 households`, value: ms(twenty) },
    { name: "20,000 against 10,000 households", value: `${ratio.toFixed(2)}×`, target: "≤ 2.2×", ok: ratio <= 2.2 },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) printTable("Harvest split", await harvestSplit());
