import { useActor } from "../actor";
import { useDB } from "../entities";
import { createID } from "../id";

export namespace Audit {
  /** Record who did what to which subject. `data` must never hold secrets or ballot contents. */
  export async function record(action: string, subjectID?: string, data?: Record<string, unknown>) {
    const actor = useActor();
    await useDB()
      .entities.audit.create({
        farmID: actor.farmID,
        eventID: createID("event"),
        actorID: actor.type === "person" ? actor.personID : actor.type,
        action,
        subjectID,
        data,
      })
      .go();
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
