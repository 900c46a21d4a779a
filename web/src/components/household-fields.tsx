import { useI18n } from "../i18n";
import type { Certificate, HouseholdInfo, HouseholdStatus } from "../lib/household";
import { text, useFieldError, whole } from "../lib/form";
import { CheckboxField, RadioGroup, SelectField, TextField } from "./field";

/** The paths of the fields below, as the API names them in its issues. */
export const householdFields = ["name", "adults", "children", "certificate", "vegetarian", "status"];

const statuses: HouseholdStatus[] = ["active", "pending", "left"];

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
      <div class="field-row">
        <TextField
          label={t().form.adults}
          name="adults"
          type="number"
          inputmode="numeric"
          min={1}
          max={20}
          step={1}
          value={props.values?.adults ?? 2}
          error={fieldError(props.error, "adults")}
        />
        <TextField
          label={t().form.children}
          hint={t().form.childrenHint}
          name="children"
          type="number"
          inputmode="numeric"
          min={0}
          max={20}
          step={1}
          value={props.values?.children ?? 0}
          error={fieldError(props.error, "children")}
        />
      </div>
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
