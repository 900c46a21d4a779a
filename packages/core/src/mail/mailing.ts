import { AsyncLocalStorage } from "node:async_hooks";
import * as z from "zod/mini";
import { useActor, withActor } from "../actor";

/*
 * Mailings: the mail to many households that follows a change (a published
 * harvest, a vote opened or closed, a cancelled work day, a collection run),
 * sent after the answer.
 *
 * Why this shape: the change's own data is the mailing record. Each owning
 * domain already keeps a mark per recipient in the transaction that keeps
 * that recipient's mail (a share's mailedVersion, a roll entry's
 * openedMailed, a run item's notified), and a flag when all are done, so the
 * request only commits its change and asks for the mailing to be run; what
 * is still to send, and how far it got, is read from the marks. A runner
 * can therefore run twice, at once, or after a crash without mailing anyone
 * twice, and the five-minute job finishes what was left (as it did before).
 */
export namespace Mailing {
  /** What to run: a mailing kind (registered by its domain) and its key there (a week, an election ID …). */
  export interface Job {
    farmID: string;
    kind: string;
    key: string;
  }

  /** Sends what is still unsent of one mailing; safe to run again and at once. */
  export type Runner = (key: string) => Promise<void>;

  /** How a request hands a mailing on: in this process (local, tests) or to a worker queue (deployed). */
  export type Dispatch = (job: Job) => Promise<void>;

  /** How far a mailing got, for the screen that started it. */
  export const Progress = z.object({
    /** Recipients (households) this mailing is for. */
    total: z.number(),
    /** Of them, mailed so far. */
    sent: z.number(),
    done: z.boolean(),
  });
  export type Progress = z.infer<typeof Progress>;

  const runners = new Map<string, Runner>();

  /** Each domain names its mailings once, where its sending code lives. */
  export function register(kind: string, runner: Runner) {
    runners.set(kind, runner);
  }

  /** Runs a mailing as the farm's system actor: what the in-process runner and the deployed worker both do. */
  export async function run(job: Job) {
    const runner = runners.get(job.kind);
    if (!runner) throw new Error(`No mailing runner for "${job.kind}"`);
    await withActor({ type: "system", farmID: job.farmID }, () => runner(job.key));
  }

  const inFlight = new Set<Promise<void>>();
  const held = new AsyncLocalStorage<Job[]>();

  function runHere(job: Job) {
    const p: Promise<void> = run(job)
      // the marks keep what is unsent: the job tick (or the next look) finishes it
      .catch((e: unknown) => console.error(`mailing ${job.kind} ${job.key} stopped: ${e instanceof Error ? e.message : e}`))
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  }

  /** Runs the mailing in this process without waiting for it; held until the answer is out inside `afterAnswer`. */
  export const inProcess: Dispatch = async (job) => {
    const queue = held.getStore();
    if (queue) queue.push(job);
    else runHere(job);
  };

  let dispatch: Dispatch = inProcess;

  /** Deployed: a queue whose consumer runs the mailing (functions/src/jobs/mailing.ts). */
  export function setDispatch(d: Dispatch) {
    dispatch = d;
  }

  /**
   * Starts a mailing after its change has committed. A job (the tick, the
   * worker) has nobody waiting for an answer and sends in line; a request
   * hands it on and answers.
   */
  export async function start(kind: string, key: string) {
    const actor = useActor();
    const job = { farmID: actor.farmID, kind, key };
    if (actor.type === "system") return run(job);
    await dispatch(job);
  }

  /**
   * The local server answers first, then sends: mailings a request starts
   * are held until `answer` has given its response, so the sending does
   * not share the cores with the answer.
   */
  export async function afterAnswer<T>(answer: () => Promise<T>): Promise<T> {
    const jobs: Job[] = [];
    try {
      return await held.run(jobs, answer);
    } finally {
      if (jobs.length) setTimeout(() => jobs.forEach(runHere), 0);
    }
  }

  /** Waits until every mailing run in this process is done: for tests, the bench and a clean stop. */
  export async function settled() {
    await new Promise((r) => setTimeout(r, 0));
    while (inFlight.size) {
      await Promise.all([...inFlight]);
      await new Promise((r) => setTimeout(r, 0));
    }
  }
}
