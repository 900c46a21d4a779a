import { Clock } from "../clock";
import { dateOf } from "../contribution/rules";
import { Statement } from "../contribution/statement";
import { peopleOf } from "./audience";
import { Message } from "./message";

/*
 * The households in arrears as an audience: the treasurer's payments
 * overview of this year says who they are. Imported by the contribution
 * function's routes only, so the core function does not carry the
 * contribution rules (about 28 kB).
 */
Message.addArrearsAudience(async () => {
  const overview = await Statement.overview(Number(dateOf(Clock.now()).slice(0, 4)));
  return peopleOf(overview.households.filter((h) => h.late).map((h) => h.householdID));
});

export { Message };
