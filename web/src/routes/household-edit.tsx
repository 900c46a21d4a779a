import { createSignal, ErrorBoundary, For, Show, Suspense } from "solid-js";
import { A, action, createAsync, revalidate, type RouteSectionProps } from "@solidjs/router";
import { FormError, LoadError, Loading, Status } from "../components/feedback";
import { EmailField, SelectField, TextField } from "../components/field";
import { HouseholdFields, householdFields, readHousehold } from "../components/household-fields";
import { Page } from "../components/page";
import { errorText, locales, useI18n } from "../i18n";
import { ApiError } from "../lib/api";
import {
  type CreatePersonInput,
  getHousehold,
  householdApi,
  type HouseholdWithPeople,
  type UpdateHouseholdInput,
} from "../lib/household";
import type { Locale } from "../lib/person";
import { text, useActionForm, useFieldError } from "../lib/form";

const updateHousehold = action(
  (householdID: string, changes: UpdateHouseholdInput) => householdApi.update(householdID, changes),
  "update-household",
);

const addPerson = action(
  (householdID: string, input: CreatePersonInput) => householdApi.addPerson(householdID, input),
  "add-person",
);

/** For the board: change a household's composition, certificate and status, and add people. */
export default function HouseholdEdit(props: RouteSectionProps) {
  const { t } = useI18n();
  const household = createAsync(() => getHousehold(props.params.id!));
  return (
    <Page title={t().edit.title}>
      <p>
        <A href="/households">{t().edit.back}</A>
      </p>
      <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
        <Suspense fallback={<Loading />}>
          <Show when={household()}>
            {(h) => (
              <>
                <EditForm household={h()} />
                <People household={h()} />
                <p>
                  <A href={`/households/${h().id}`}>{t().edit.view}</A>
                </p>
              </>
            )}
          </Show>
        </Suspense>
      </ErrorBoundary>
    </Page>
  );
}

/** Only the fields that differ from what the household has now. */
function changesOf(current: HouseholdWithPeople, next: ReturnType<typeof readHousehold>): UpdateHouseholdInput {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (value !== current[key as keyof typeof next]) changes[key] = value;
  }
  return changes as UpdateHouseholdInput;
}

function EditForm(props: { household: HouseholdWithPeople }) {
  const { t, mouths } = useI18n();
  const saving = useActionForm(updateHousehold);
  const [message, setMessage] = createSignal<string>();

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setMessage(undefined);
    saving.clear();
    const changes = changesOf(props.household, readHousehold(new FormData(e.currentTarget as HTMLFormElement)));
    if (Object.keys(changes).length === 0) {
      setMessage(t().edit.nothingChanged);
      return;
    }
    if (await saving.submit(props.household.id, changes)) {
      setMessage(t().edit.saved);
      return;
    }
    // Someone else saved first: show what is there now.
    const error = saving.error();
    if (error instanceof ApiError && error.code === "household.changed")
      await revalidate(getHousehold.keyFor(props.household.id));
  }

  return (
    <section class="card" aria-labelledby="edit-heading">
      <h2 id="edit-heading">{props.household.name}</h2>
      <p class="muted">{t().edit.now(mouths(props.household.mouths))}</p>
      <form class="stack" onSubmit={submit} novalidate>
        <HouseholdFields values={props.household} error={saving.error()} />
        <FormError error={saving.error()} fields={householdFields} />
        <Status message={message()} />
        <button type="submit" class="primary" disabled={saving.pending()}>
          {saving.pending() ? t().form.saving : t().form.save}
        </button>
      </form>
    </section>
  );
}

function People(props: { household: HouseholdWithPeople }) {
  const { t } = useI18n();
  const adding = useActionForm(addPerson);
  const fieldError = useFieldError();
  const [added, setAdded] = createSignal<string>();
  // A new number gives a fresh, empty form after a person was added.
  const [version, setVersion] = createSignal(1);
  let form: HTMLFormElement | undefined;

  const emailError = () => {
    const error = adding.error();
    if (error instanceof ApiError && error.code === "person.email_taken") return errorText(t(), error);
    return fieldError(error, "email");
  };

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setAdded(undefined);
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const person = await adding.submit(props.household.id, {
      name: text(data, "name"),
      email: text(data, "email"),
      locale: text(data, "locale") as Locale,
    });
    if (!person) return;
    setAdded(t().edit.added(person.name));
    setVersion((v) => v + 1);
    form?.querySelector<HTMLInputElement>("input[name=name]")?.focus();
  }

  return (
    <section class="card" aria-labelledby="people-heading">
      <h2 id="people-heading">{t().edit.people}</h2>
      <Show when={props.household.people.length} fallback={<p>{t().household.noPeople}</p>}>
        <ul class="people">
          <For each={props.household.people}>
            {(person) => (
              <li>
                <span class="person-name">{person.name}</span>
                <span>{person.email}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <h3>{t().edit.addPerson}</h3>
      <p class="hint">{t().edit.addPersonHint}</p>
      <Status message={added()} />
      <Show when={version()} keyed>
        <form ref={form} class="stack" onSubmit={submit} novalidate>
          <TextField
            label={t().form.personName}
            name="name"
            autocomplete="off"
            error={fieldError(adding.error(), "name")}
          />
          <EmailField label={t().form.personEmail} name="email" autocomplete="off" error={emailError()} />
          <SelectField
            label={t().form.personLocale}
            name="locale"
            value="nl"
            options={locales.map((l) => ({ value: l, label: t().language.names[l] }))}
            error={fieldError(adding.error(), "locale")}
          />
          <FormError error={adding.error()} fields={["name", "email", "locale"]} />
          <button type="submit" class="primary" disabled={adding.pending()}>
            {adding.pending() ? t().edit.adding : t().edit.add}
          </button>
        </form>
      </Show>
    </section>
  );
}
