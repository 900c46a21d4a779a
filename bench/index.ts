import { printTable } from "./lib";
import { sizes } from "./size";
import { startup } from "./startup";

/*
 * `npm run bench`: prints the figures the issues name. Nothing here passes
 * or fails a build: timings belong in a table, not in tests.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const benches: [string, () => Promise<import("./lib").Figure[]>][] = [
  ["Sizes", sizes],
  ["Local start", startup],
];

const only = process.argv[2];
for (const [title, run] of benches) {
  if (only && !title.toLowerCase().includes(only.toLowerCase())) continue;
  printTable(title, await run());
}
