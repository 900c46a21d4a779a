import type { RouteDefinition } from "@solidjs/router";
import { getMe } from "../lib/person";

/*
 * The preloads of the election screens. The screens and their client load
 * on first use (lazy), so the preloads import the client when they run: the
 * data starts loading with the code, and neither is in the first screen.
 */

type Elections = typeof import("../lib/election");

/** Starts loading; a failure is the screen's to show when it asks for the same data. */
function load(start: (m: Elections) => Promise<unknown>) {
  void getMe();
  import("../lib/election")
    .then(start)
    .catch(() => undefined);
}

export const electionsRoute = {
  preload: () => load((m) => m.getElections()),
} satisfies RouteDefinition;

/** The election itself: its screen, and the board's edit and log screens around it. */
export const electionRoute = {
  preload: ({ params }) => {
    const id = params.id;
    if (id) load((m) => m.getElection(id));
  },
} satisfies RouteDefinition;
