import type { RouteDefinition } from "@solidjs/router";
import { preloadQuietly as quietly } from "../lib/api";

/*
 * The preloads of the membership screens. The screens and their client load on
 * first use (lazy), so the preloads import the client when they run: the
 * data starts loading with the code, and neither is in the first screen.
 */

const membership = () => import("../lib/membership");

export const applyStatusRoute = {
  preload: ({ params }) => {
    const token = params.token;
    if (token) quietly(membership().then((m) => m.getApplicationStatus(token)));
  },
} satisfies RouteDefinition;

export const waitlistRoute = {
  preload: () => {
    quietly(membership().then((m) => m.getWaitlist()));
  },
} satisfies RouteDefinition;

export const registerRoute = {
  preload: () => {
    quietly(membership().then((m) => m.getRegister()));
  },
} satisfies RouteDefinition;
