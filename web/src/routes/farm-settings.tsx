import { createSignal, For, Show } from "solid-js";
import { action, createAsync, revalidate } from "@solidjs/router";
import { FormEnd, Loads } from "../components/feedback";
import { SelectField, TextField } from "../components/field";
import { Page } from "../components/page";
import { Restricted } from "../components/restricted";
import { MoreMessages, useI18n } from "../i18n";
import { useFarmText } from "../i18n/farm";
import { ApiError, settle } from "../lib/api";
import { farmApi, getFarmSettings, weekdayName, weekdays, type FarmSettingsInfo, type PickupMoment } from "../lib/farm";
import { formData, text, useSaveForm, whole } from "../lib/form";
import { canManageHouseholds } from "../lib/person";
import "../components/farm.css";

const saveSettings = action(
  async (input: Parameters<typeof farmApi.save>[0]) => settle(getFarmSettings.keyFor(), await farmApi.save(input)),
  "save-farm-settings",
);

const fields = ["capacityMouths", "optOutDaysBefore", "optOutTime", "childFactor", "targetHours", "maxProxies"];

/** A number with a fraction as people type it here: "0,5" or "0.5"; NaN when empty, which the API refuses. */
function decimal(data: FormData, name: string) {
  const value = text(data, name).replace(",", ".");
  return value === "" ? Number.NaN : Number(value);
}

/** The board's farm settings: capacity, opt-out deadline, child factor, hours, pickup moments, proxies. */
export default function FarmSettingsPage() {
  const f = useFarmText();
  const messages = () => ({ errors: f().errors, fields: f().fields });
  return (
    <Restricted allow={canManageHouseholds}>
      <MoreMessages messages={messages}>
        <Page title={f().settings.title}>
          <p>{f().settings.intro}</p>
          <Loads>
            <Settings />
          </Loads>
        </Page>
      </MoreMessages>
    </Restricted>
  );
}

type Saving = ReturnType<typeof useSaveForm<[Parameters<typeof farmApi.save>[0]], unknown>>;

function Settings() {
  const f = useFarmText();
  const settings = createAsync(() => getFarmSettings());
  // kept above the form, so "saved" and a conflict outlive the fresh form a save brings
  const saving = useSaveForm(saveSettings);
  const conflict = () => saving.error() instanceof ApiError && (saving.error() as ApiError).code === "farm.changed";
  return (
    <>
      {/* a fresh form for every version read: after a save or a reload it shows what is stored now */}
      <Show when={settings()} keyed>
        {(s) => <SettingsForm settings={s} saving={saving as unknown as Saving} />}
      </Show>
      <Show when={conflict()}>
        <button
          type="button"
          class="secondary"
          onClick={() => {
            saving.clear();
            void revalidate(getFarmSettings.keyFor());
          }}
        >
          {f().settings.reload}
        </button>
      </Show>
    </>
  );
}

function SettingsForm(props: { settings: FarmSettingsInfo; saving: Saving }) {
  const f = useFarmText();
  const { locale, number } = useI18n();
  const saving = props.saving;
  // each row keeps a stable key, so removing one keeps what was typed in the others
  let nextKey = 0;
  const [rows, setRows] = createSignal(props.settings.pickup.map((m) => ({ key: nextKey++, moment: m })));
  const [daysBefore, setDaysBefore] = createSignal(props.settings.optOutDaysBefore);
  const deadlineDay = () => weekdayName((((1 - daysBefore()) % 7) + 7) % 7 || 7, locale());
  let form: HTMLFormElement | undefined;

  async function submit(e: SubmitEvent) {
    const data = formData(e);
    const pickup: PickupMoment[] = rows().map((_, i) => ({
      weekday: whole(data, `pickup.${i}.weekday`),
      from: text(data, `pickup.${i}.from`),
      to: text(data, `pickup.${i}.to`),
      place: text(data, `pickup.${i}.place`),
    }));
    await saving.save(() => f().settings.saved, {
      version: props.settings.version,
      capacityMouths: whole(data, "capacityMouths"),
      optOutDaysBefore: whole(data, "optOutDaysBefore"),
      optOutTime: text(data, "optOutTime"),
      childFactor: decimal(data, "childFactor"),
      targetHours: decimal(data, "targetHours"),
      maxProxies: whole(data, "maxProxies"),
      pickup,
    });
  }

  const rowFields = () => rows().flatMap((_, i) => ["weekday", "from", "to", "place"].map((k) => `pickup.${i}.${k}`));
  const s = () => props.settings;
  return (
    <form ref={form} class="stack farm-settings" onSubmit={submit} novalidate>
      <NumberSetting name="capacityMouths" label={f().settings.capacity} hint={f().settings.capacityHint} value={String(s().capacityMouths)} saving={saving} />
      <fieldset class="field-group">
        <legend>{f().settings.optOut}</legend>
        <NumberSetting
          name="optOutDaysBefore"
          label={f().settings.daysBefore}
          hint={f().settings.daysBeforeHint(f().settings.optOutExample(deadlineDay(), s().optOutTime))}
          value={String(s().optOutDaysBefore)}
          saving={saving}
          onInput={(value) => {
            const n = Number(value);
            if (Number.isInteger(n)) setDaysBefore(n);
          }}
        />
        <TextField label={f().settings.time} name="optOutTime" type="time" value={s().optOutTime} error={saving.fieldError("optOutTime")} />
      </fieldset>
      <NumberSetting name="childFactor" label={f().settings.childFactor} hint={f().settings.childFactorHint} value={number(s().childFactor)} decimal saving={saving} />
      <NumberSetting name="targetHours" label={f().settings.targetHours} hint={f().settings.targetHoursHint} value={number(s().targetHours)} decimal saving={saving} />
      <NumberSetting name="maxProxies" label={f().settings.maxProxies} hint={f().settings.maxProxiesHint} value={String(s().maxProxies)} saving={saving} />
      <fieldset class="field-group pickup-fields">
        <legend>{f().settings.pickup}</legend>
        <p class="hint">{f().settings.pickupHint}</p>
        <For each={rows()}>
          {(row, i) => (
            <fieldset class="pickup-moment">
              <legend>{f().settings.moment(i() + 1)}</legend>
              <SelectField
                label={f().settings.weekday}
                name={`pickup.${i()}.weekday`}
                value={String(row.moment.weekday)}
                options={weekdays.map((d) => ({ value: String(d), label: weekdayName(d, locale()) }))}
                error={saving.fieldError(`pickup.${i()}.weekday`)}
              />
              <div class="time-range">
                <TextField label={f().settings.from} name={`pickup.${i()}.from`} type="time" value={row.moment.from} error={saving.fieldError(`pickup.${i()}.from`)} />
                <TextField label={f().settings.to} name={`pickup.${i()}.to`} type="time" value={row.moment.to} error={saving.fieldError(`pickup.${i()}.to`)} />
              </div>
              <TextField
                label={f().settings.place}
                hint={f().settings.placeHint}
                name={`pickup.${i()}.place`}
                autocomplete="off"
                value={row.moment.place}
                error={saving.fieldError(`pickup.${i()}.place`)}
              />
              <button
                type="button"
                class="secondary"
                onClick={() => {
                  const key = row.key;
                  setRows((r) => r.filter((x) => x.key !== key));
                  form?.querySelector<HTMLButtonElement>("button.add-moment")?.focus();
                }}
              >
                {f().settings.removeMoment(i() + 1)}
              </button>
            </fieldset>
          )}
        </For>
        <button
          type="button"
          class="secondary add-moment"
          onClick={() => {
            setRows((r) => [...r, { key: nextKey++, moment: { weekday: 5, from: "16:00", to: "19:00", place: "" } }]);
            form?.querySelector<HTMLSelectElement>(`select[name="pickup.${rows().length - 1}.weekday"]`)?.focus();
          }}
        >
          {f().settings.addMoment}
        </button>
      </fieldset>
      <FormEnd
        error={saving.error()}
        fields={[...fields, ...rowFields()]}
        saved={saving.saved()}
        pending={saving.pending()}
        label={f().settings.save}
        pendingLabel={f().settings.saving}
      />
    </form>
  );
}

/** One number of the settings: the phone's number keyboard, no suggestions, the API's word on it at the field. */
function NumberSetting(props: {
  name: string;
  label: string;
  hint: string;
  value: string;
  decimal?: boolean;
  saving: Saving;
  onInput?: (value: string) => void;
}) {
  return (
    <TextField
      label={props.label}
      hint={props.hint}
      name={props.name}
      inputmode={props.decimal ? "decimal" : "numeric"}
      autocomplete="off"
      value={props.value}
      onInput={(e) => props.onInput?.(e.currentTarget.value)}
      error={props.saving.fieldError(props.name)}
    />
  );
}
