import { createResource, createSignal, For, Show } from "solid-js";
import { A, createAsync, revalidate } from "@solidjs/router";
import { AskFirst } from "../components/ask-first";
import { FormError, Loads } from "../components/feedback";
import { CheckboxField, SelectField, TextField } from "../components/field";
import { MailingProgress } from "../components/mailing-progress";
import { Page } from "../components/page";
import { TextAreaField } from "../components/text-area";
import { MoreMessages, useI18n, useSection } from "../i18n";
import { messageEn, messageNl } from "../i18n/message";
import { getElections } from "../lib/election";
import { getMessages, messageApi, newKey, type AudienceInput, type MessageInfo } from "../lib/message";
import { getMe, type MeInfo } from "../lib/person";
import { getWorkdays } from "../lib/workday";

export const useMessageText = () => useSection({ nl: messageNl, en: messageEn });

type Kind = AudienceInput["kind"];
const roleNames = ["board", "treasurer", "farmer", "coordinator"] as const;

/** Which groups the person may mail: the farmer all members, the board any but arrears, the treasurer arrears too. */
function kindsFor(me: MeInfo): Kind[] {
  const has = (r: MeInfo["roles"][number]) => me.roles.includes(r) || me.roles.includes("admin");
  const board = has("board") || has("treasurer");
  return [
    "members",
    ...(board ? (["workday", "notVoted", "roles"] as const) : []),
    ...(has("treasurer") ? (["arrears"] as const) : []),
  ];
}

/** Beheer: write one mail to a group, seeing first how many it reaches; below, what was sent. */
export default function Messages() {
  const m = useMessageText();
  const me = createAsync(() => getMe());
  return (
    <MoreMessages messages={() => m()}>
      <Page title={m().title}>
        <p>{m().intro}</p>
        <Show when={me()}>{(who) => <Compose me={who()} />}</Show>
        <Log />
      </Page>
    </MoreMessages>
  );
}

function Compose(props: { me: MeInfo }) {
  const m = useMessageText();
  const [kind, setKind] = createSignal<Kind>("members");
  const [target, setTarget] = createSignal("");
  const [roles, setRoles] = createSignal<string[]>(["board"]);
  const [subject, setSubject] = createSignal("");
  const [text, setText] = createSignal("");
  const [error, setError] = createSignal<unknown>();
  const [pending, setPending] = createSignal(false);
  const [sent, setSent] = createSignal<MessageInfo>();
  let key = newKey();
  const workdays = createAsync(() => (kind() === "workday" ? getWorkdays() : Promise.resolve([])));
  const elections = createAsync(() => (kind() === "notVoted" ? getElections() : Promise.resolve([])));
  const audience = (): AudienceInput | undefined => {
    const k = kind();
    if (k === "workday") return target() ? { kind: k, workdayID: target() } : undefined;
    if (k === "notVoted") return target() ? { kind: k, electionID: target() } : undefined;
    if (k === "roles") return roles().length ? { kind: k, roles: roles() as (typeof roleNames)[number][] } : undefined;
    return { kind: k };
  };
  // the count before sending, asked again whenever the audience changes
  const [count] = createResource(audience, (a) => messageApi.preview(a).catch((e: unknown) => (setError(e), undefined)));
  const choose = (k: Kind) => {
    setKind(k);
    setTarget("");
    setError(undefined);
  };
  const send = async () => {
    const a = audience();
    if (!a) return;
    setPending(true);
    setError(undefined);
    try {
      const out = await messageApi.send(a, { subject: subject(), text: text(), key });
      setSent(out.message);
      key = newKey();
      setSubject("");
      setText("");
      void revalidate(getMessages.key);
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };
  return (
    <section class="card" aria-labelledby="compose-title">
      <h2 id="compose-title">{m().send}</h2>
      <SelectField name="audience" label={m().to} value={kind()} onChange={(v) => choose(v as Kind)} options={kindsFor(props.me).map((k) => ({ value: k, label: m().audiences[k] }))} />
      <Show when={kind() === "workday"}>
        <SelectField
          name="workday"
          label={m().workday}
          value={target()}
          onChange={setTarget}
          options={[{ value: "", label: m().pick }, ...(workdays() ?? []).map((w) => ({ value: w.id, label: `${w.title}, ${new Date(w.start).toLocaleDateString()}` }))]}
        />
      </Show>
      <Show when={kind() === "notVoted"}>
        <SelectField
          name="election"
          label={m().election}
          value={target()}
          onChange={setTarget}
          options={[{ value: "", label: m().pick }, ...(elections() ?? []).filter((e) => e.status === "open").map((e) => ({ value: e.id, label: e.title }))]}
        />
      </Show>
      <Show when={kind() === "roles"}>
        <fieldset>
          <legend>{m().audiences.roles}</legend>
          <For each={roleNames}>
            {(r) => (
              <CheckboxField name={`role-${r}`} label={m().roles[r]} checked={roles().includes(r)} onChange={(on) => setRoles(on ? [...roles(), r] : roles().filter((x) => x !== r))} />
            )}
          </For>
        </fieldset>
      </Show>
      <div role="status" class="status-region">
        <Show when={audience() && count()}>
          {(c) => (
            <p class="notice info">
              {m().count(c().people, c().households)} <Show when={c().optedOut}>{m().optedOut(c().optedOut)}</Show>
            </p>
          )}
        </Show>
      </div>
      <TextField name="subject" label={m().subject} maxlength="150" value={subject()} onInput={(e) => setSubject(e.currentTarget.value)} />
      <TextAreaField name="text" label={m().text} hint={m().textHint} rows="8" maxlength="10000" value={text()} onInput={(e) => setText(e.currentTarget.value)} />
      <FormError error={error()} />
      <Show when={audience() && count()?.people && subject().trim() && text().trim()}>
        <AskFirst label={m().send} class="primary" question={m().ask(count()!.people)} yes={m().yes} no={m().no} pendingLabel={m().sending} pending={pending()} onYes={send} />
      </Show>
      <Show when={sent()} keyed>
        {(s) => (
          <div>
            <p>
              {m().sent} <A href={`/messages/${s.id}`}>{s.subject}</A>
            </p>
            <MailingProgress path={`/messages/${s.id}/mailing`} of="recipients" />
          </div>
        )}
      </Show>
    </section>
  );
}

function Log() {
  const m = useMessageText();
  const { locale } = useI18n();
  const list = createAsync(() => getMessages());
  const when = (iso: string) => new Date(iso).toLocaleString(locale() === "nl" ? "nl-NL" : "en-GB", { dateStyle: "medium", timeStyle: "short" });
  return (
    <section class="card" aria-labelledby="log-title">
      <h2 id="log-title">{m().log}</h2>
      <Loads>
        <Show when={list()?.messages.length} fallback={<p>{m().none}</p>}>
          <ul class="link-list">
            <For each={list()!.messages}>
              {(msg) => (
                <li>
                  <A href={`/messages/${msg.id}`}>
                    <span class="link-title">{msg.subject}</span>
                    <span class="hint">
                      {m().audiences[msg.audience.kind]} · {m().people(msg.total)} · {m().by(msg.author.name, when(msg.createdAt))}
                    </span>
                  </A>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Loads>
    </section>
  );
}
