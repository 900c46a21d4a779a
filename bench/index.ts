import { printTable } from "./lib";
import { sizes } from "./size";
import { startup } from "./startup";
import { freshStarts } from "./fresh-start";
import { coldStart } from "./cold-start";
import { harvestMine } from "./harvest-mine";
import { harvestSplit } from "./harvest-split";
import { workdaySignup } from "./workday-signup";
import { electionBallots } from "./election-ballots";
import { mailing } from "./mailing";
import { contribution } from "./contribution";
import { bankImport } from "./bank-import";
import { bankImportRun } from "./import";
import { lighthouseHome } from "./lighthouse";
import { friday } from "./friday";
import { cost } from "./cost";

/*
 * `npm run bench`: prints the figures the issues name. Nothing here passes
 * or fails a build: timings belong in a table, not in tests.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const benches: [string, () => Promise<import("./lib").Figure[]>][] = [
  ["Sizes", sizes],
  ["Local start", startup],
  ["Fresh start, ten in a row", freshStarts],
  ["Cold start (proxy)", coldStart],
  ["Harvest split", harvestSplit],
  ["Harvest: my share under load", harvestMine],
  ["Work days: sign-up rush", workdaySignup],
  ["Elections: 10,000 ballots", electionBallots],
  ["Mail after the answer: publish, republish, a vote, a work day for 200 households", mailing],
  ["Contribution: statements and SEPA for 200 households", contribution],
  ["Bank files: reading a year for 200 households", bankImport],
  ["Bank files: importing a year for 200 households into the ledger", bankImportRun],
  ["Web: Lighthouse on the member home", lighthouseHome],
  ["Friday afternoon: 200 households open the app", friday],
  ["Cost: a month on AWS", cost],
];

const only = process.argv[2];
for (const [title, run] of benches) {
  if (only && !title.toLowerCase().includes(only.toLowerCase())) continue;
  printTable(title, await run());
}
