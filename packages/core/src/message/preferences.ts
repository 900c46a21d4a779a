import * as z from "zod/mini";
import { useFarmID, usePerson } from "../actor";
import { useDB } from "../entities";

/**
 * Which mail a person wants beyond what must reach them. Two kinds can be
 * turned off: news (the farmer's notes to the members) and reminders (a
 * work day coming up). Login codes, money (statements, collections,
 * arrears), votes and the board's own mail to the members always go: they
 * carry something the person must act on or is owed by law or statute.
 */
export namespace MailPreferences {
  export const Info = z.object({ news: z.boolean(), reminders: z.boolean() });
  export type Info = z.infer<typeof Info>;
  export type Category = keyof Info;

  type Item = { newsOff?: boolean; remindersOff?: boolean };

  /** What a person's stored item says: on unless turned off. */
  export function of(item: Item | undefined | null): Info {
    return { news: !item?.newsOff, reminders: !item?.remindersOff };
  }

  /** The caller's own choice. */
  export async function get(): Promise<Info> {
    const { data } = await useDB().entities.person.get({ farmID: useFarmID(), personID: usePerson().personID }).go();
    return of(data);
  }

  /** Sets the caller's own choice; both kinds are named, so a save never keeps half of an older one. */
  export async function set(input: Info): Promise<Info> {
    await useDB()
      .entities.person.patch({ farmID: useFarmID(), personID: usePerson().personID })
      .set({ newsOff: !input.news, remindersOff: !input.reminders })
      .go();
    return get();
  }

  /** Whether a person wants mail of a kind: yes unless they turned it off (a person not found wants nothing). */
  export async function wants(personID: string, category: Category): Promise<boolean> {
    const { data } = await useDB().entities.person.get({ farmID: useFarmID(), personID }).go();
    return !!data && of(data)[category];
  }
}
