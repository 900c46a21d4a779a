/**
 * A counter bumped by every write to people, households or roles, so caches
 * of who-may-do-what (person/identity.ts) drop what they hold at once.
 */
let generation = 0;

export function identityChanged() {
  generation++;
}

export function identityGeneration() {
  return generation;
}
