import { createSignal, Show } from "solid-js";
import { A, action } from "@solidjs/router";
import { FormError, Status } from "../components/feedback";
import { CheckboxField, EmailField, RadioGroup, TextField } from "../components/field";
import { MouthFields } from "../components/household-fields";
import { Frame } from "../components/frame";
import { PublicMembershipScreen } from "../components/membership-screen";
import { useI18n } from "../i18n";
import { useMembershipText } from "../i18n/membership";
import { text, useActionForm, useFieldError, whole } from "../lib/form";
import { type ApplyInput, membershipApi } from "../lib/membership";

const apply = action(async (input: ApplyInput) => {
  await membershipApi.applications.apply(input);
  return true;
}, "apply");

/** As long as the mailed link to confirm works (Application.confirmHours). */
const confirmHours = 48;

const applyFields = ["name", "email", "adults", "children", "vegetarian", "certificate"];

/**
 * Anyone can ask to join the waiting list, without an account. The answer is
 * the same for every address: check your mail. The link there confirms the
 * address, and only then does the application get its place.
 */
export default function Apply() {
  const s = useMembershipText();
  const { locale } = useI18n();
  const fieldError = useFieldError();
  const applying = useActionForm(apply);
  /** The address the link went to. */
  const [mailedTo, setMailedTo] = createSignal<string>();

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const certificate = text(data, "certificate");
    const email = text(data, "email");
    const result = await applying.submit({
      name: text(data, "name"),
      email,
      adults: whole(data, "adults"),
      children: whole(data, "children"),
      vegetarian: data.get("vegetarian") === "on",
      ...(certificate === "full" || certificate === "half" ? { certificate } : {}),
      locale: locale(),
    });
    if (result) setMailedTo(email.trim());
  }

  return (
    <Frame>
      <PublicMembershipScreen title={s().apply.title}>
        <div class="card narrow">
          <Status message={mailedTo() ? s().apply.checkMail(mailedTo()!) : undefined}>
            <p>{s().apply.checkMailHint(confirmHours)}</p>
          </Status>
          <Show when={!mailedTo()}>
            <p>{s().apply.intro}</p>
            <form onSubmit={submit} novalidate>
              <TextField
                label={s().apply.name}
                hint={s().apply.nameHint}
                name="name"
                autocomplete="name"
                maxlength={100}
                error={fieldError(applying.error(), "name") ? s().apply.nameError : undefined}
              />
              <EmailField
                label={s().apply.email}
                hint={s().apply.emailHint}
                name="email"
                autocomplete="email"
                error={fieldError(applying.error(), "email")}
              />
              <MouthFields
                labels={s().apply}
                adults={2}
                children={0}
                error={(name) => fieldError(applying.error(), name)}
              />
              <CheckboxField
                label={s().apply.vegetarian}
                name="vegetarian"
                error={fieldError(applying.error(), "vegetarian")}
              />
              <RadioGroup
                label={s().apply.certificate}
                hint={s().apply.certificateHint}
                name="certificate"
                value="auto"
                error={fieldError(applying.error(), "certificate")}
                options={[
                  { value: "auto", label: s().apply.auto, hint: s().apply.autoHint },
                  { value: "full", label: s().certificate.full, hint: s().apply.fullHint },
                  { value: "half", label: s().certificate.half, hint: s().apply.halfHint },
                ]}
              />
              <FormError error={applying.error()} fields={applyFields} />
              <button type="submit" class="primary" disabled={applying.pending()}>
                {applying.pending() ? s().apply.submitting : s().apply.submit}
              </button>
            </form>
            <p>
              <A href="/login">{s().apply.login}</A>
            </p>
          </Show>
        </div>
      </PublicMembershipScreen>
    </Frame>
  );
}
