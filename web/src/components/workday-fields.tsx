import { Show } from "solid-js";
import { useWorkdayText } from "../i18n/workday";
import { farmFields, farmInstant, tasks } from "../lib/workday-view";
import type { WorkdayInfo, WorkdayTask } from "../lib/workday";
import { text, useFieldError, whole } from "../lib/form";
import { SelectField, TextField } from "./field";
import { TextAreaField } from "./text-area";

/** The paths of the fields below, as the API names them in its issues. */
export const workdayFields = ["title", "task", "start", "end", "capacity", "location", "description", "repeatWeeks"];

/**
 * A work day's fields, shared by the create and the edit form. The date
 * and the two times are read on the Amsterdam clock; the API's issue at
 * `start` is told at the start time, the one at `end` at the end time.
 */
export function WorkdayFields(props: { values?: WorkdayInfo; error: unknown; repeat?: boolean }) {
  const w = useWorkdayText();
  const fieldError = useFieldError();
  const start = () => (props.values ? farmFields(props.values.start) : undefined);
  const end = () => (props.values ? farmFields(props.values.end) : undefined);
  return (
    <>
      <TextField
        label={w().form.title}
        hint={w().form.titleHint}
        name="title"
        autocomplete="off"
        maxLength={120}
        value={props.values?.title ?? ""}
        error={fieldError(props.error, "title")}
      />
      <SelectField
        label={w().form.task}
        name="task"
        value={props.values?.task ?? "harvest"}
        options={tasks.map((task) => ({ value: task, label: w().tasks[task] }))}
        error={fieldError(props.error, "task")}
      />
      <fieldset class="when-fields">
        <legend class="sr-only">{w().detail.when}</legend>
        <TextField
          label={w().form.date}
          hint={w().form.times}
          name="date"
          type="date"
          value={start()?.date ?? ""}
        />
        <div class="field-row">
          <TextField
            label={w().form.start}
            name="start"
            type="time"
            step={300}
            value={start()?.time ?? ""}
            error={fieldError(props.error, "start")}
          />
          <TextField
            label={w().form.end}
            name="end"
            type="time"
            step={300}
            value={end()?.time ?? ""}
            error={fieldError(props.error, "end")}
          />
        </div>
      </fieldset>
      <TextField
        label={w().form.capacity}
        hint={w().form.capacityHint}
        name="capacity"
        type="number"
        inputmode="numeric"
        min={1}
        max={500}
        step={1}
        value={props.values?.capacity ?? 10}
        error={fieldError(props.error, "capacity")}
      />
      <TextField
        label={w().form.location}
        hint={w().form.locationHint}
        name="location"
        autocomplete="off"
        maxLength={200}
        value={props.values?.location ?? ""}
        error={fieldError(props.error, "location")}
      />
      <TextAreaField
        label={w().form.description}
        hint={w().form.descriptionHint}
        name="description"
        maxLength={4000}
        value={props.values?.description ?? ""}
        error={fieldError(props.error, "description")}
      />
      <Show when={props.repeat}>
        <TextField
          label={w().form.repeat}
          hint={w().form.repeatHint}
          name="repeatWeeks"
          type="number"
          inputmode="numeric"
          min={1}
          max={52}
          step={1}
          value={1}
          error={fieldError(props.error, "repeatWeeks")}
        />
      </Show>
    </>
  );
}

/** The fields as the API takes them. An empty date or time sends an empty instant, which the API names at its field. */
export function readWorkday(data: FormData) {
  const date = text(data, "date");
  return {
    title: text(data, "title"),
    task: text(data, "task") as WorkdayTask,
    start: farmInstant(date, text(data, "start")) ?? "",
    end: farmInstant(date, text(data, "end")) ?? "",
    capacity: whole(data, "capacity"),
    location: text(data, "location"),
    description: text(data, "description"),
  };
}
