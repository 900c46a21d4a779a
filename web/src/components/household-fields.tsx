import { useI18n } from "../i18n";
import type { Certificate, HouseholdInfo, HouseholdStatus } from "../lib/household";
import { text, useFieldError, whole } from "../lib/form";
import { CheckboxField, RadioGroup, SelectField, TextField } from "./field";

/** The paths of the fields below, as the API names them in its issues. */
export const householdFields = ["name", "adults", "children", "certificate", "vegetarian", "status"];

const statuses: HouseholdStatus[] = ["active", "pending", "left"];

/** Adults and children side by side: the mouths a household counts. */
export function MouthFields(props: {
  labels: { adults: string; children: string; childrenHint: string };
  adults: number;
  children: number;
  error: (name: string) => string | undefined;
}) {
  const field = { type: "number", inputmode: "numeric", max: 20, step: 1 } as const;
  return (
    <div class="field-row">
      <TextField {...field} label={props.labels.adults} name="adults" min={1} value={props.adults} error={props.error("adults")} />
      <TextField
        {...field}
        label={props.labels.children}
        hint={props.labels.childrenHint}
        name="children"
        min={0}
        value={props.children}
        error={props.error("children")}
      />
    </div>
  );
}

/** The household's own fields, shared by the create and the edit form. */
export function HouseholdFields(props: { values?: Partial<HouseholdInfo>; error: unknown }) {
  const { t } = useI18n();
  const fieldError = useFieldError();
  return (
    <>
      <TextField
        label={t().form.name}
        name="name"
        autocomplete="off"
        value={props.values?.name ?? ""}
        error={fieldError(props.error, "name")}
      />
      <MouthFields
        labels={t().form}
        adults={props.values?.adults ?? 2}
        children={props.values?.children ?? 0}
        error={(name) => fieldError(props.error, name)}
      />
      <RadioGroup
        label={t().form.certificate}
        name="certificate"
        value={props.values?.certificate ?? "full"}
        error={fieldError(props.error, "certificate")}
        options={[
          { value: "full", label: t().certificate.full, hint: t().certificate.fullHint },
          { value: "half", label: t().certificate.half, hint: t().certificate.halfHint },
        ]}
      />
      <CheckboxField
        label={t().form.vegetarian}
        name="vegetarian"
        checked={props.values?.vegetarian ?? false}
        error={fieldError(props.error, "vegetarian")}
      />
      <SelectField
        label={t().form.status}
        name="status"
        value={props.values?.status ?? "active"}
        error={fieldError(props.error, "status")}
        options={statuses.map((s) => ({ value: s, label: t().status[s] }))}
      />
    </>
  );
}

/** The household's fields as the API takes them. */
export function readHousehold(data: FormData) {
  return {
    name: text(data, "name"),
    adults: whole(data, "adults"),
    children: whole(data, "children"),
    certificate: text(data, "certificate") as Certificate,
    vegetarian: data.get("vegetarian") === "on",
    status: text(data, "status") as HouseholdStatus,
  };
}
