import { useActor } from "../actor";
import { useDB } from "../entities";
import { createID } from "../id";

export namespace Audit {
  /**
   * The audit item for who did what to which subject. `data` must never hold
   * secrets or ballot contents. Write it in the same transaction as the
   * change it records when the log must never miss that change.
   */
  export function event(action: string, subjectID?: string, data?: Record<string, unknown>) {
    const actor = useActor();
    return {
      farmID: actor.farmID,
      eventID: createID("event"),
      actorID: actor.type === "person" ? actor.personID : actor.type,
      action,
      subjectID,
      data,
    };
  }

  /** Records an event on its own, after the change. */
  export async function record(action: string, subjectID?: string, data?: Record<string, unknown>) {
    await useDB().entities.audit.create(event(action, subjectID, data)).go();
  }

  export async function forSubject(subjectID: string) {
    const res = await useDB()
      .entities.audit.query.bySubject({ farmID: useActor().farmID, subjectID })
      .go({ pages: "all" });
    return res.data.map((e) => ({
      id: e.eventID,
      actorID: e.actorID,
      action: e.action,
      data: e.data,
      at: e.createdAt,
    }));
  }
}
