import { createMemo, createSignal, ErrorBoundary, For, Show, Suspense } from "solid-js";
import { A, action, createAsync } from "@solidjs/router";
import { FormError, LoadError, Loading, Status } from "../components/feedback";
import { SelectField, TextField } from "../components/field";
import { HouseholdFields, householdFields, readHousehold } from "../components/household-fields";
import { Page } from "../components/page";
import { locales, useI18n } from "../i18n";
import {
  type CreateHouseholdInput,
  getHouseholds,
  householdApi,
  type HouseholdWithPeople,
  type ListedHousehold,
} from "../lib/household";
import type { Locale } from "../lib/person";
import { text, useActionForm, useFieldError } from "../lib/form";

const createHousehold = action(
  (input: CreateHouseholdInput) => householdApi.create(input),
  "create-household",
);

/** Lower case without accents, so "Bröker" is found with "brok". */
function searchable(value: string): string {
  return value.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
}

/** What a search matches: the household's name, its people's names and their addresses. */
function matches(h: ListedHousehold, wanted: string): boolean {
  return [h.name, ...h.people.flatMap((p) => [p.name, p.email])].some((value) => searchable(value).includes(wanted));
}

/** For the board: every household, a search on names and addresses, the totals, and a form for a new one. */
export default function Households() {
  const { t } = useI18n();
  const households = createAsync(() => getHouseholds());
  return (
    <Page title={t().households.title}>
      <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
        <Suspense fallback={<Loading />}>
          <Show when={households()}>
            {(list) => (
              <>
                <p>
                  <A href="/farm/settings">{t().households.farmSettings}</A>
                </p>
                <details class="disclosure">
                  <summary>{t().households.new}</summary>
                  <CreateHousehold />
                </details>
                <HouseholdList households={list()} />
              </>
            )}
          </Show>
        </Suspense>
      </ErrorBoundary>
    </Page>
  );
}

function HouseholdList(props: { households: ListedHousehold[] }) {
  const { t, number, mouths } = useI18n();
  const [search, setSearch] = createSignal("");
  const shown = createMemo(() => {
    const wanted = searchable(search().trim());
    return wanted ? props.households.filter((h) => matches(h, wanted)) : props.households;
  });
  const totalMouths = createMemo(() => shown().reduce((sum, h) => sum + h.mouths, 0));
  return (
    <section aria-labelledby="list-heading">
      <h2 id="list-heading">{t().households.list}</h2>
      <div class="field search">
        <label for="household-search">{t().households.search}</label>
        <input
          id="household-search"
          type="search"
          autocomplete="off"
          value={search()}
          onInput={(e) => setSearch(e.currentTarget.value)}
        />
      </div>
      <dl class="totals">
        <div>
          <dt>{t().households.households}</dt>
          <dd>{number(shown().length)}</dd>
        </div>
        <div>
          <dt>{t().households.mouths}</dt>
          <dd>{number(Math.round(totalMouths() * 1000) / 1000)}</dd>
        </div>
      </dl>
      <p role="status" class="muted">
        <Show when={search().trim()}>{t().households.found(shown().length, props.households.length)}</Show>
      </p>
      <Show
        when={shown().length}
        fallback={<p>{props.households.length ? t().households.none : t().households.empty}</p>}
      >
        <ul class="household-list">
          <For each={shown()}>
            {(h) => (
              <li>
                <A href={`/households/${h.id}`} class="household-link">
                  <span class="household-name">{h.name}</span>
                  <Show when={h.people.length}>
                    <span class="meta">{h.people.map((p) => p.name).join(", ")}</span>
                  </Show>
                  <span class="meta">
                    {mouths(h.mouths)} · {t().certificate[h.certificate]}
                    <Show when={h.vegetarian}> · {t().households.vegetarian}</Show>
                  </span>
                </A>
                <Show when={h.status !== "active"}>
                  <span class="badge">{t().status[h.status]}</span>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

/** A new household, optionally with the people who can log in for it. */
function CreateHousehold() {
  const { t } = useI18n();
  const creating = useActionForm(createHousehold);
  const fieldError = useFieldError();
  // Each person row has a stable key, so removing one keeps what was typed in the others.
  const [rows, setRows] = createSignal<number[]>([]);
  const [created, setCreated] = createSignal<HouseholdWithPeople>();
  // A new number gives a fresh, empty form after a household was created.
  const [version, setVersion] = createSignal(1);
  let nextRow = 0;
  let form: HTMLFormElement | undefined;
  let addButton: HTMLButtonElement | undefined;

  const fields = () => [
    ...householdFields,
    ...rows().flatMap((_, i) => [`people.${i}.name`, `people.${i}.email`, `people.${i}.locale`]),
  ];

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setCreated(undefined);
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const people = rows().map((_, i) => ({
      name: text(data, `people.${i}.name`),
      email: text(data, `people.${i}.email`),
      locale: text(data, `people.${i}.locale`) as Locale,
    }));
    const household = await creating.submit({ ...readHousehold(data), people });
    if (!household) return;
    setCreated(household);
    setRows([]);
    setVersion((v) => v + 1);
    form?.querySelector<HTMLInputElement>("input[name=name]")?.focus();
  }

  return (
    <>
      <Status message={created() && t().households.created(created()!.name)}>
        <Show when={created()}>
          {(h) => (
            <p>
              <A href={`/households/${h().id}/edit`}>{t().households.openCreated(h().name)}</A>
            </p>
          )}
        </Show>
      </Status>
      <Show when={version()} keyed>
        <form ref={form} class="stack" onSubmit={submit} novalidate>
          <HouseholdFields error={creating.error()} />
          <fieldset class="people-fields">
            <legend>{t().form.people}</legend>
            <p class="hint">{t().form.peopleHint}</p>
            <For each={rows()}>
              {(row, i) => (
                <fieldset class="person">
                  <legend>{t().form.person(i() + 1)}</legend>
                  <TextField
                    label={t().form.personName}
                    name={`people.${i()}.name`}
                    autocomplete="off"
                    error={fieldError(creating.error(), `people.${i()}.name`)}
                  />
                  <TextField
                    label={t().form.personEmail}
                    name={`people.${i()}.email`}
                    type="email"
                    inputmode="email"
                    autocomplete="off"
                    autocapitalize="none"
                    spellcheck={false}
                    error={fieldError(creating.error(), `people.${i()}.email`)}
                  />
                  <SelectField
                    label={t().form.personLocale}
                    name={`people.${i()}.locale`}
                    value="nl"
                    options={locales.map((l) => ({ value: l, label: t().language.names[l] }))}
                    error={fieldError(creating.error(), `people.${i()}.locale`)}
                  />
                  <button
                    type="button"
                    class="secondary"
                    onClick={() => {
                      setRows((r) => r.filter((key) => key !== row));
                      addButton?.focus();
                    }}
                  >
                    {t().form.removePerson(i() + 1)}
                  </button>
                </fieldset>
              )}
            </For>
            <button
              ref={addButton}
              type="button"
              class="secondary"
              onClick={() => {
                setRows((r) => [...r, nextRow++]);
                form?.querySelector<HTMLInputElement>(`input[name="people.${rows().length - 1}.name"]`)?.focus();
              }}
            >
              {t().form.addPerson}
            </button>
          </fieldset>
          <FormError error={creating.error()} fields={fields()} />
          <button type="submit" class="primary" disabled={creating.pending()}>
            {creating.pending() ? t().households.creating : t().households.create}
          </button>
        </form>
      </Show>
    </>
  );
}
