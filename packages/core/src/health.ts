import { useFarmID } from "./actor";
import { Farm } from "./farm/farm";

export namespace Health {
  /** Reads the farm item: proves the table answers (and the farm exists). */
  export async function check() {
    Farm.forgetCache();
    await Farm.get(useFarmID());
  }
}
