import { query } from "@solidjs/router";
import type { Audience } from "@akker/core/message/audience";
import type { Message } from "@akker/core/message/message";
import type { MailPreferences } from "@akker/core/message/preferences";
import { esc, loggedIn, request } from "./api";

/* Mail to groups (Beheer) and each person's choice of mail. */

export type AudienceInput = Audience | { kind: "arrears" };
export type MessageInfo = Message.Info;
export type MessageDetail = Message.Detail;
export type Preview = Message.Preview;
export type Preferences = MailPreferences.Info;

const arrears = (a: AudienceInput) => a.kind === "arrears";

export const messageApi = {
  // the treasurer's mail to arrears lives with the payments overview, in its own function
  preview: (audience: AudienceInput) =>
    arrears(audience) ? request<Preview>("POST", "/contribution/messages/preview") : request<Preview>("POST", "/messages/preview", { audience }),
  send: (audience: AudienceInput, body: { subject: string; text: string; key: string }) =>
    request<{ message: MessageInfo; duplicate: boolean }>(
      "POST",
      arrears(audience) ? "/contribution/messages" : "/messages",
      arrears(audience) ? body : { ...body, audience },
    ),
  preferences: () => request<Preferences>("GET", "/me/preferences"),
  setPreferences: (p: Preferences) => request<Preferences>("PUT", "/me/preferences", p),
};

export const getMessages = query(() => loggedIn(() => request<{ messages: MessageInfo[] }>("GET", "/messages")), "messages");
export const getMessage = query((id: string) => loggedIn(() => request<MessageDetail>("GET", `/messages/${esc(id)}`)), "message");
export const getPreferences = query(() => loggedIn(() => messageApi.preferences()), "mail-preferences");

/** A key for one compose: the same send again after a lost answer finds its message. */
export function newKey() {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(36).padStart(2, "0")).join("").slice(0, 20);
}
