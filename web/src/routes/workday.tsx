import { createSignal, ErrorBoundary, Show, Suspense } from "solid-js";
import { A, action, createAsync, json, type RouteSectionProps } from "@solidjs/router";
import { FormError, LoadError, Status } from "../components/feedback";
import { AskFirst } from "../components/ask-first";
import { SelectField } from "../components/field";
import { SignupControls, spots, useShownDay } from "../components/workday-day";
import { WorkdayScreen } from "../components/workday-screen";
import { useWorkdayText } from "../i18n/workday";
import { canOrganiseWorkdays, canSignUp, getMe, type MeInfo, type PersonInfo } from "../lib/person";
import { getWorkday, workdayApi, type WorkdayInfo } from "../lib/workday";
import { putWorkdays, signUpOrOff } from "../lib/workday-view";
import { isOpen, useWorkdayFormat } from "../lib/workday-view";
import { getHousehold } from "../lib/household";
import { useActionForm } from "../lib/form";
import { MailingProgress } from "../components/mailing-progress";
import { esc } from "../lib/api";

/** Someone else of the household: the API answers only with the status, so the day is fetched again for its counts. */
const signupOther = action(async (day: WorkdayInfo, person: PersonInfo, change: "signup" | "cancel") => {
  const { status } = await signUpOrOff(day, change, person.id);
  return json({ change, status, name: person.name }, { revalidate: [] });
}, "workday-signup-other");

const cancelWorkday = action(async (workdayID: string) => {
  const day = await workdayApi.cancel(workdayID);
  await putWorkdays([day]);
  return json(day, { revalidate: [] });
}, "cancel-workday");

/**
 * One work day: what, when and where, the description, and signing up;
 * for the organisers also the roster, editing and cancelling.
 */
export default function WorkdayPage(props: RouteSectionProps) {
  const w = useWorkdayText();
  const me = createAsync(() => getMe());
  const day = createAsync(() => getWorkday(props.params.id!));
  const back = () => (
    <p>
      <A href="/workdays">{w().detail.back}</A>
    </p>
  );
  // The heading is the day's title, so the whole screen waits for the day, and says so when it cannot have it.
  return (
    <ErrorBoundary
      fallback={(error, reset) => (
        <WorkdayScreen title={w().detail.title}>
          {back()}
          <LoadError error={error} reset={reset} />
        </WorkdayScreen>
      )}
    >
      <WorkdayScreen title={day()?.title ?? w().detail.title}>
        {back()}
        <Show when={day()}>{(d) => <Details day={d()} me={me()} />}</Show>
      </WorkdayScreen>
    </ErrorBoundary>
  );
}

function Details(props: { day: WorkdayInfo; me?: MeInfo }) {
  const w = useWorkdayText();
  const format = useWorkdayFormat();
  const d = useShownDay(() => props.day);
  return (
    <>
      <Show when={d().status === "cancelled"}>
        <p class="notice warning">{w().detail.cancelled}</p>
      </Show>
      <div class="card">
        <dl class="facts">
          <div>
            <dt>{w().detail.what}</dt>
            <dd>{w().tasks[d().task]}</dd>
          </div>
          <div>
            <dt>{w().detail.when}</dt>
            <dd>{format.when(d())}</dd>
          </div>
          <Show when={d().location}>
            {(location) => (
              <div>
                <dt>{w().detail.where}</dt>
                <dd>{location()}</dd>
              </div>
            )}
          </Show>
          <div>
            <dt>{w().detail.places}</dt>
            <dd>
              {spots(w(), d())}
              <span class="hint">
                {w().detail.taken(d().confirmed, d().capacity)}
                <Show when={d().waitlisted}> · {w().detail.waiting(d().waitlisted)}</Show>
              </span>
            </dd>
          </div>
        </dl>
        <Show when={canSignUp(props.me)}>
          <SignupControls day={props.day} />
        </Show>
      </div>
      <Show when={d().description}>
        {(text) => (
          <section class="card" aria-labelledby="day-description">
            <h2 id="day-description">{w().detail.description}</h2>
            {/* Plain text, as typed: shown as text, never read as HTML. */}
            <p class="description">{text()}</p>
          </section>
        )}
      </Show>
      <Show when={canSignUp(props.me) && isOpen(d()) && props.me?.household}>
        {(household) => (
          <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
            <Suspense>
              <OtherPerson day={props.day} householdID={household().id} personID={props.me!.person.id} />
            </Suspense>
          </ErrorBoundary>
        )}
      </Show>
      <Show when={canOrganiseWorkdays(props.me)}>
        <Organise day={d()} />
      </Show>
    </>
  );
}

/**
 * Signing up or off another person of the household. The API does not say
 * whether they are signed up, so both buttons are there.
 */
function OtherPerson(props: { day: WorkdayInfo; householdID: string; personID: string }) {
  const w = useWorkdayText();
  const household = createAsync(() => getHousehold(props.householdID));
  const others = () => (household()?.people ?? []).filter((p) => p.id !== props.personID);
  const [chosen, setChosen] = createSignal<string>();
  const person = () => others().find((p) => p.id === chosen()) ?? others()[0];
  const saving = useActionForm(signupOther);
  const message = () => {
    const r = saving.result();
    if (!r) return undefined;
    if (r.change === "cancel") return w().detail.otherCancelled(r.name);
    return r.status === "waitlisted" ? w().detail.otherWaitlisted(r.name) : w().detail.otherConfirmed(r.name);
  };
  const run = (change: "signup" | "cancel") => {
    const p = person();
    if (p && !saving.pending()) void saving.submit(props.day, p, change);
  };
  return (
    <Show when={others().length}>
      <section class="card" aria-labelledby="other-person">
        <h2 id="other-person">{w().detail.other}</h2>
        <p class="hint">{w().detail.otherIntro}</p>
        <SelectField
          label={w().detail.person}
          name="person"
          value={person()?.id}
          options={others().map((p) => ({ value: p.id, label: p.name }))}
          onChange={(id) => {
            saving.clear();
            setChosen(id);
          }}
        />
        <div class="actions">
          <button
            type="button"
            class="primary"
            aria-disabled={saving.pending() ? "true" : undefined}
            onClick={() => run("signup")}
          >
            {w().detail.otherSignUp}
          </button>
          <button
            type="button"
            class="secondary"
            aria-disabled={saving.pending() ? "true" : undefined}
            onClick={() => run("cancel")}
          >
            {w().detail.otherCancel}
          </button>
        </div>
        <FormError error={saving.error()} />
        <Status message={message()} />
      </section>
    </Show>
  );
}

/** The roster, editing, and cancelling after a confirmation that says who will be mailed. */
function Organise(props: { day: WorkdayInfo }) {
  const w = useWorkdayText();
  const cancelling = useActionForm(cancelWorkday);
  const people = () => props.day.confirmed + props.day.waitlisted;
  const scheduled = () => props.day.status === "scheduled";

  return (
    <section class="card" aria-labelledby="organise">
      <h2 id="organise" tabindex="-1">
        {w().detail.organise}
      </h2>
      <div class="actions">
        <A class="button" href={`/workdays/${props.day.id}/roster`}>
          {w().detail.roster}
        </A>
        <Show when={scheduled()}>
          <A class="button secondary" href={`/workdays/${props.day.id}/edit`}>
            {w().detail.edit}
          </A>
        </Show>
      </div>
      <Status message={cancelling.result() ? w().detail.cancelledNow : undefined} />
      {/* everyone signed up is mailed after the answer */}
      <Show when={cancelling.result()} keyed>
        {(d) => <MailingProgress path={`/workdays/${esc(d.id)}/mailing`} of="people" />}
      </Show>
      <Show when={scheduled()}>
        <AskFirst
          class="secondary danger"
          inActions
          label={w().detail.cancelDay}
          question={people() ? w().detail.cancelConfirm(people()) : w().detail.cancelConfirmEmpty}
          yes={w().detail.cancelYes}
          no={w().detail.cancelNo}
          pendingLabel={w().detail.cancelling}
          pending={cancelling.pending()}
          onAsk={cancelling.clear}
          onYes={() => cancelling.submit(props.day.id)}
          focusAfter={() => document.getElementById("organise")}
        />
      </Show>
      <FormError error={cancelling.error()} />
    </section>
  );
}
