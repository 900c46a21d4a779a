import { For, Show } from "solid-js";
import { A, createAsync, useParams } from "@solidjs/router";
import { Loads } from "../components/feedback";
import { MailingProgress } from "../components/mailing-progress";
import { Page } from "../components/page";
import { useI18n } from "../i18n";
import { getMessage } from "../lib/message";
import { useMessageText } from "./messages";

/** One group mail: what it said, and to whom it went and when. */
export default function MessagePage() {
  const m = useMessageText();
  const { locale } = useI18n();
  const params = useParams<{ id: string }>();
  const message = createAsync(() => getMessage(params.id));
  const when = (iso: string) => new Date(iso).toLocaleString(locale() === "nl" ? "nl-NL" : "en-GB", { dateStyle: "medium", timeStyle: "short" });
  return (
    <Page title={message()?.subject ?? m().title}>
      <p>
        <A href="/messages">{m().back}</A>
      </p>
      <Loads>
        <Show when={message()}>
          {(msg) => (
            <>
              <p class="hint">
                {m().audiences[msg().audience.kind]} · {m().by(msg().author.name, when(msg().createdAt))}
              </p>
              <p class="description">{msg().text}</p>
              <MailingProgress path={`/messages/${msg().id}/mailing`} of="recipients" />
              <h2>{m().recipients}</h2>
              <ul>
                <For each={msg().recipients}>
                  {(r) => (
                    <li>
                      {r.name ?? m().gone}
                      <Show when={r.email}> ({r.email})</Show>
                      <Show when={r.household}>, {r.household}</Show>: {r.sentAt ? when(r.sentAt) : m().notYet}
                    </li>
                  )}
                </For>
              </ul>
            </>
          )}
        </Show>
      </Loads>
    </Page>
  );
}
