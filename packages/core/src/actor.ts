import { AsyncLocalStorage } from "node:async_hooks";
import { VisibleError } from "./error";

export const roles = [
  "member",
  "farmer",
  "coordinator",
  "board",
  "treasurer",
  "admin",
] as const;
export type Role = (typeof roles)[number];

/**
 * Who is calling. `public` still carries the farm (resolved from the host),
 * because every key lives under a farm, even for anonymous requests.
 */
export type Actor =
  | { type: "public"; farmID: string }
  | {
      type: "person";
      farmID: string;
      personID: string;
      householdID: string | null;
      roles: Role[];
      sessionID: string;
    }
  | { type: "system"; farmID: string };

const storage = new AsyncLocalStorage<Actor>();

export function withActor<R>(actor: Actor, fn: () => R): R {
  return storage.run(actor, fn);
}

export function useActor(): Actor {
  const actor = storage.getStore();
  if (!actor) throw new Error("No actor in context");
  return actor;
}

export function useFarmID(): string {
  return useActor().farmID;
}

/** The farm in context, if any: for what also works outside a request or job (a mail template rendered alone). */
export function currentFarmID(): string | undefined {
  return storage.getStore()?.farmID;
}

export function usePerson() {
  const actor = useActor();
  if (actor.type !== "person")
    throw new VisibleError("unauthenticated", "auth.required", "Log in first.");
  return actor;
}

export function hasRole(...wanted: Role[]): boolean {
  const actor = useActor();
  if (actor.type === "system") return true;
  if (actor.type !== "person") return false;
  // admin can do everything a farm role can
  return actor.roles.includes("admin") || wanted.some((r) => actor.roles.includes(r));
}

/** Throws 401 without a session, 403 without one of the roles. */
export function assertRole(...wanted: Role[]) {
  const actor = useActor();
  if (actor.type === "system") return actor;
  const person = usePerson();
  if (!hasRole(...wanted))
    throw new VisibleError("forbidden", "auth.forbidden", "You are not allowed to do this.");
  return person;
}
