import { ErrorBoundary, Match, Show, Suspense, Switch } from "solid-js";
import { A, action, createAsync, json, useParams } from "@solidjs/router";
import { FormError, LoadError, Loading, Status } from "../components/feedback";
import { Frame } from "../components/frame";
import { AskFirst } from "../components/ask-first";
import { PublicMembershipScreen } from "../components/membership-screen";
import { useI18n } from "../i18n";
import { useMoneyFormat } from "../i18n/contribution";
import { useMembershipText } from "../i18n/membership";
import { useActionForm } from "../lib/form";
import { type ApplicationStatus, getApplicationStatus, membershipApi } from "../lib/membership";

const withdraw = action(async (token: string) => {
  const closed = await membershipApi.applications.withdrawOwn(token);
  return json(closed, { revalidate: [getApplicationStatus.keyFor(token)] });
}, "withdraw-application");

/** The applicant's place on the list, with the private link from the mail; leaving the list. */
export default function ApplyStatus() {
  const s = useMembershipText();
  const params = useParams<{ token: string }>();
  const application = createAsync(() => getApplicationStatus(params.token));
  return (
    <Frame>
      <PublicMembershipScreen title={s().status.title}>
        <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
          <Suspense fallback={<Loading />}>
            <Show when={application()}>{(a) => <Application application={a()} token={params.token} />}</Show>
          </Suspense>
        </ErrorBoundary>
      </PublicMembershipScreen>
    </Frame>
  );
}

function Application(props: { application: ApplicationStatus; token: string }) {
  const s = useMembershipText();
  const { mouths } = useI18n();
  const format = useMoneyFormat();
  const leaving = useActionForm(withdraw);
  const a = () => props.application;
  return (
    <div class="card narrow">
      <Switch>
        <Match when={a().status === "waiting"}>
          <p class="lead">
            {a().position ? s().status.waiting(a().position!, a().waiting) : s().status.waitingNoPlace}
          </p>
          <p>{s().status.waitingHint}</p>
          <p>{s().status.keepLink}</p>
        </Match>
        <Match when={a().status === "offered"}>
          <p class="lead">{s().status.offered(a().offerExpiresAt ? format.instant(a().offerExpiresAt!) : "")}</p>
        </Match>
        <Match when={a().status === "accepted"}>
          <p class="lead">{s().status.accepted}</p>
          <p>
            <A class="button" href="/login">
              {s().status.login}
            </A>
          </p>
        </Match>
        <Match when={a().status === "declined" || a().status === "expired" || a().status === "withdrawn"}>
          <Status
            tone="info"
            message={
              a().status === "declined"
                ? s().status.declined
                : a().status === "expired"
                  ? s().status.expired
                  : s().status.withdrawn
            }
          />
          <p>
            <A href="/apply">{s().status.applyAgain}</A>
          </p>
        </Match>
      </Switch>
      <dl class="facts">
        <div>
          <dt>{s().status.name}</dt>
          <dd>{a().name}</dd>
        </div>
        <div>
          <dt>{s().status.mouths}</dt>
          <dd>{mouths(a().mouths)}</dd>
        </div>
        <div>
          <dt>{s().status.certificate}</dt>
          <dd>{s().certificate[a().certificate]}</dd>
        </div>
        <div>
          <dt>{s().status.applied}</dt>
          <dd>{format.instant(a().appliedAt)}</dd>
        </div>
      </dl>
      <Show when={a().status === "waiting" || a().status === "offered"}>
        <AskFirst
          label={s().status.withdraw}
          question={s().status.confirm}
          yes={s().status.confirmYes}
          no={s().status.cancel}
          pendingLabel={s().status.withdrawing}
          pending={leaving.pending()}
          onYes={() => leaving.submit(props.token)}
        />
        <FormError error={leaving.error()} />
      </Show>
    </div>
  );
}
