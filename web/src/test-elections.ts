import type {
  AuditEvent,
  BallotInput,
  CountedBallot,
  ElectionCreateInput,
  ElectionInfo,
  ElectionResults,
  ElectionUpdateInput,
  RollHousehold,
} from "./lib/election";
import { memberMe, mockApi, ok, type Call, type Reply } from "./test-utils";

/*
 * A fake election API for the component tests: elections as the API
 * answers them, and a server that keeps what was done to them.
 */

/** A board election, open: 2 seats, 3 candidates, 12 of 40 households voted. */
export function boardElection(changes: Partial<ElectionInfo> = {}): ElectionInfo {
  return {
    id: "el_board",
    title: "Bestuursverkiezing 2099",
    description: "Twee zetels zijn vrij.\n<b>Geen HTML</b>",
    kind: "board",
    seats: 2,
    candidates: [
      { id: "c1", name: "Anne de Vries", statement: "Ik wil de boerderij <b>financieel</b> gezond houden." },
      { id: "c2", name: "Bram Jansen", statement: "Meer meewerkdagen voor gezinnen." },
      { id: "c3", name: "Cor Visser", statement: "" },
    ],
    majority: null,
    quorumPercent: 50,
    opensAt: "2099-05-01T09:00:00+02:00",
    closesAt: "2099-05-15T20:00:00+02:00",
    status: "open",
    turnout: { eligible: 40, voted: 12, byProxy: 2 },
    me: { eligible: true, joinedAfterOpening: false, voted: false, canVoteFor: [], proxyTo: null },
    ...changes,
  };
}

/** A motion on the budget, open, passing with two thirds of the votes for and against. */
export function motionElection(changes: Partial<ElectionInfo> = {}): ElectionInfo {
  return boardElection({
    id: "el_budget",
    title: "Begroting 2099",
    description: null,
    kind: "motion",
    seats: null,
    candidates: [],
    majority: "two-thirds",
    quorumPercent: null,
    ...changes,
  });
}

/** The voter roll, by name. */
export const roll: RollHousehold[] = [
  { id: "hh_bakker", name: "Bakker" },
  { id: "hh_devries", name: "Familie De Vries" },
  { id: "hh_jansen", name: "Familie Jansen" },
  { id: "hh_janssen", name: "Janssen" },
  { id: "hh_ozturk", name: "Öztürk" },
];

export interface ElectionServer {
  elections?: ElectionInfo[];
  me?: typeof memberMe;
  /** Answers a ballot instead of the fake server (an error). */
  cast?: (body: BallotInput, election: ElectionInfo) => Reply | undefined;
  grant?: (toHouseholdID: string) => Reply | undefined;
  create?: (body: ElectionCreateInput) => Reply | undefined;
  results?: ElectionResults;
  trackers?: CountedBallot[];
  audit?: AuditEvent[];
  tracker?: string;
}

/** The election routes over a few elections that change as they would on the server. */
export function electionApi(opts: ElectionServer = {}) {
  const stored = new Map((opts.elections ?? [boardElection()]).map((e) => [e.id, e]));
  const put = (e: ElectionInfo) => (stored.set(e.id, e), e);
  return mockApi((call: Call) => {
    if (call.path === "/api/me") return ok(opts.me ?? memberMe);
    if (call.path === "/api/elections" && call.method === "GET") return ok({ elections: [...stored.values()] });
    if (call.path === "/api/elections" && call.method === "POST") {
      const body = call.body as ElectionCreateInput;
      const answered = opts.create?.(body);
      if (answered) return answered;
      const made = put(
        boardElection({
          ...body,
          id: "el_new",
          status: "draft",
          description: body.description ?? null,
          seats: body.seats ?? null,
          majority: body.majority ?? null,
          quorumPercent: body.quorumPercent ?? null,
          candidates: (body.candidates ?? []).map((c, i) => ({ id: `c${i + 1}`, name: c.name, statement: c.statement ?? "" })),
          turnout: { eligible: 0, voted: 0, byProxy: 0 },
          me: { eligible: false, joinedAfterOpening: false, voted: false, canVoteFor: [], proxyTo: null },
        }),
      );
      return { status: 201, body: { election: made } };
    }
    const m = /^\/api\/elections\/([^/]+)(\/[a-z]+)?$/.exec(call.path);
    const e = m && stored.get(m[1]!);
    if (!m || !e) return undefined;
    const route = `${call.method} ${m[2] ?? ""}`;
    switch (route) {
      case "GET ":
        return ok({ election: e });
      case "DELETE ":
        if (e.status !== "draft") return { status: 409, body: { error: { code: "election.not_draft", message: "Only a draft can be deleted." } } };
        stored.delete(e.id);
        return { status: 204, body: undefined };
      case "PATCH ": {
        const body = call.body as ElectionUpdateInput;
        const { candidates, ...rest } = body;
        return ok({
          election: put({
            ...e,
            ...rest,
            ...(candidates ? { candidates: candidates.map((c, i) => ({ id: `c${i + 1}`, name: c.name, statement: c.statement ?? "" })) } : {}),
          }),
        });
      }
      case "POST /open":
        return ok({ election: put({ ...e, status: "open", turnout: { eligible: 40, voted: 0, byProxy: 0 } }) });
      case "POST /close":
        return ok({ election: put({ ...e, status: "closed" }) });
      case "POST /ballots": {
        const body = call.body as BallotInput;
        const answered = opts.cast?.(body, e);
        if (answered) {
          // Refused as already voted: someone else of the household was first.
          if (answered.status === 409 && !body.onBehalfOf)
            put({ ...e, me: { ...e.me, voted: true }, turnout: { ...e.turnout, voted: e.turnout.voted + 1 } });
          return answered;
        }
        const turnout = { ...e.turnout, voted: e.turnout.voted + 1, byProxy: e.turnout.byProxy + (body.onBehalfOf ? 1 : 0) };
        const me = body.onBehalfOf
          ? { ...e.me, canVoteFor: e.me.canVoteFor.filter((h) => h !== body.onBehalfOf) }
          : { ...e.me, voted: true };
        put({ ...e, turnout, me });
        return { status: 201, body: { tracker: opts.tracker ?? "7K2M-QX9D-3FTR" } };
      }
      case "POST /proxies": {
        const { toHouseholdID } = call.body as { toHouseholdID: string };
        const answered = opts.grant?.(toHouseholdID);
        if (answered) return answered;
        return { status: 201, body: { election: put({ ...e, me: { ...e.me, proxyTo: toHouseholdID } }) } };
      }
      case "DELETE /proxies":
        return ok({ election: put({ ...e, me: { ...e.me, proxyTo: null } }) });
      case "GET /households":
        return ok({ households: roll });
      case "GET /results":
        return opts.results ? ok(opts.results) : undefined;
      case "GET /trackers":
        return ok({ ballots: opts.trackers ?? [] });
      case "GET /audit":
        return ok({ events: opts.audit ?? [] });
      default:
        return undefined;
    }
  });
}
