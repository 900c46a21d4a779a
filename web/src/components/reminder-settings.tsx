import { createUniqueId, Show } from "solid-js";
import { action, createAsync, json } from "@solidjs/router";
import { MoreMessages, useSection } from "../i18n";
import { arrearsEn, arrearsNl } from "../i18n/arrears";
import { useContributionText } from "../i18n/contribution";
import { arrearsApi, getReminderSchedule, parseSteps, type ReminderInput } from "../lib/arrears";
import { formData, text, useSaveForm } from "../lib/form";
import { FormEnd, Loads } from "./feedback";
import { EmailField, TextField } from "./field";

const saveSchedule = action(async (year: number, input: ReminderInput) => {
  const schedule = await arrearsApi.saveSchedule(year, input);
  return json(schedule, { revalidate: [getReminderSchedule.keyFor(year)] });
}, "save-reminder-schedule");

const fields = ["steps", "contact"];

/** The treasurer sets after how many days in arrears a household is reminded, and the address it may write to. */
export function ReminderSettings(props: { year: number }) {
  const s = useSection({ nl: arrearsNl, en: arrearsEn });
  const c = useContributionText();
  // the section's own words for its two fields, beside the contribution's
  const messages = () => ({ errors: c().errors, fields: { ...c().fields, ...s().fields } });
  return (
    <MoreMessages messages={messages}>
      <ReminderForm year={props.year} />
    </MoreMessages>
  );
}

function ReminderForm(props: { year: number }) {
  const s = useSection({ nl: arrearsNl, en: arrearsEn });
  const schedule = createAsync(() => getReminderSchedule(props.year));
  const saving = useSaveForm(saveSchedule);
  const id = createUniqueId();

  async function submit(e: SubmitEvent) {
    const data = formData(e);
    const contact = text(data, "contact");
    await saving.save((r) => s().remindersSaved(r.steps), props.year, {
      steps: parseSteps(text(data, "steps")),
      ...(contact ? { contact } : {}),
    });
  }

  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{s().reminders}</h2>
      <Loads>
        <Show when={schedule()}>
          {(sc) => (
            <>
              <p class="hint">{s().remindersHint(sc().graceDays)}</p>
              <Show when={!sc().steps.length}>
                <p>{s().remindersOff}</p>
              </Show>
              <form onSubmit={submit} novalidate>
                <TextField
                  label={s().steps}
                  hint={s().stepsHint}
                  name="steps"
                  inputmode="numeric"
                  autocomplete="off"
                  value={sc().steps.join(", ")}
                  error={saving.fieldError("steps")}
                />
                <EmailField
                  label={s().contact}
                  hint={s().contactHint}
                  name="contact"
                  autocomplete="email"
                  value={sc().contact ?? ""}
                  error={saving.fieldError("contact")}
                />
                <FormEnd
                  error={saving.error()}
                  fields={fields}
                  saved={saving.saved()}
                  pending={saving.pending()}
                  label={s().remindersSave}
                  pendingLabel={s().remindersSaving}
                />
              </form>
            </>
          )}
        </Show>
      </Loads>
    </section>
  );
}
