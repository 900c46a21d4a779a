import { readFileSync } from "node:fs";

/* For the tests: the realistic bank files under test/fixtures, one of each format and variant. */

export const fixtureNames = [
  "camt/rabobank-2026-12.camt053.v02.xml",
  "camt/ing-2027-01.camt053.v08.xml",
  "bank/rabobank-2026-11-12.csv",
  "bank/ing-2026-11-12-semicolon.csv",
  "bank/ing-2026-11-12-comma.csv",
  "bank/abnamro-2026-11-12.TAB",
  "bank/simple-2026-12.csv",
];

/** A fixture's bytes, by its path under test/fixtures. */
export const fixtureBytes = (name: string) => new Uint8Array(readFileSync(new URL(`../../../../../test/fixtures/${name}`, import.meta.url)));
