import { createSignal, For, Show } from "solid-js";
import { Dynamic } from "solid-js/web";
import { createAsync } from "@solidjs/router";
import { NewestFile } from "./document-item";
import { FormEnd } from "./feedback";
import { SelectField, TextField } from "./field";
import "./document.css";
import { useI18n } from "../i18n";
import { useAssemblyText } from "../i18n/assembly";
import { DocumentMessages } from "../i18n/document";
import { addPaper, type AgendaItem, type AssemblyInfo } from "../lib/assembly";
import { addAssemblyFile, getAssemblyDocuments, type DocumentInfo } from "../lib/document";
import { formData, text, useSaveForm } from "../lib/form";

/**
 * A meeting's papers and, once published, its minutes: documents of the
 * library that carry the meeting's ID, each with its newest file. Papers of
 * an agenda item show under that item (`ItemPapers`); here the rest. The
 * board adds papers here, for the meeting or an item, and the minutes once
 * the meeting is closed.
 */
export function AssemblyPapers(props: { assembly: AssemblyInfo; board?: boolean }) {
  const a = useAssemblyText();
  const docs = createAsync(() => getAssemblyDocuments(props.assembly.id));
  const onItems = () => new Set(props.assembly.items.flatMap((i) => i.papers));
  const papers = () => (docs() ?? []).filter((d) => d.category !== "minutes" && !onItems().has(d.id));
  const minutes = () => (docs() ?? []).filter((d) => d.category === "minutes");
  const closed = () => props.assembly.status === "closed";
  return (
    <DocumentMessages>
      <Show when={minutes().length}>
        <section aria-labelledby="assembly-minutes">
          <h2 id="assembly-minutes">{a().minutes.title}</h2>
          <Files list={minutes()} />
        </section>
      </Show>
      <Show when={props.board && closed() && docs() && !minutes().length}>
        <AddFile assembly={props.assembly} category="minutes" />
      </Show>
      <section aria-labelledby="assembly-papers">
        <h2 id="assembly-papers">{a().papers}</h2>
        <Show when={papers().length} fallback={<p>{a().paper.none}</p>}>
          <Files list={papers()} />
        </Show>
        <Show when={props.board}>
          <Show when={props.assembly.status === "draft"}>
            <p class="hint">{a().paper.held}</p>
          </Show>
          <AddFile assembly={props.assembly} category="alv" />
        </Show>
      </section>
    </DocumentMessages>
  );
}

/** An agenda item's papers, under the item. */
export function ItemPapers(props: { assemblyID: string; item: AgendaItem }) {
  const a = useAssemblyText();
  const docs = createAsync(() => getAssemblyDocuments(props.assemblyID));
  const list = () => (docs() ?? []).filter((d) => props.item.papers.includes(d.id));
  return (
    <Show when={list().length}>
      <DocumentMessages>
        <h3 class="item-papers">{a().paper.ofItem}</h3>
        <Files list={list()} />
      </DocumentMessages>
    </Show>
  );
}

function Files(props: { list: DocumentInfo[] }) {
  return (
    <ul class="document-list">
      <For each={props.list}>
        {(doc) => (
          <li class="card">
            <h3>{doc.title}</h3>
            <NewestFile doc={doc} />
          </li>
        )}
      </For>
    </ul>
  );
}

/** A paper (any members may read) or the minutes (a PDF, titled after the meeting's day): a title and a file. */
function AddFile(props: { assembly: AssemblyInfo; category: "alv" | "minutes" }) {
  const a = useAssemblyText();
  const { locale } = useI18n();
  const form = useSaveForm(addAssemblyFile);
  const paper = useSaveForm(addPaper);
  const [itemID, setItemID] = createSignal("");
  const [file, setFile] = createSignal<File>();
  const t = () => (props.category === "minutes" ? a().minutes : a().paper);
  const day = () =>
    new Intl.DateTimeFormat(locale() === "en" ? "en-GB" : "nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Amsterdam" }).format(
      new Date(props.assembly.startsAt),
    );
  let el: HTMLFormElement | undefined;

  const minutes = () => props.category === "minutes";
  const f = () => (minutes() ? form : paper);

  async function add(e: SubmitEvent) {
    const title = text(formData(e), "title");
    const input = { title, category: props.category, audience: "members" as const, assemblyID: props.assembly.id };
    // a paper goes through the meeting, which keeps it from the members while a draft and puts it on its item
    const done = minutes()
      ? await form.save(() => t().done(title), input, file())
      : await paper.save(() => t().done(title), props.assembly.id, { title, ...(itemID() ? { itemID: itemID() } : {}) }, file());
    if (done) {
      el?.reset();
      setFile(undefined);
      setItemID("");
    }
  }

  return (
    <section aria-labelledby={`add-${props.category}`}>
      {/* the minutes' form stands on its own; a paper's sits under Stukken */}
      <Dynamic component={props.category === "minutes" ? "h2" : "h3"} id={`add-${props.category}`}>
        {t().add}
      </Dynamic>
      <form ref={el} onSubmit={(e) => void add(e)} novalidate>
        <TextField label={t().name} name="title" required maxLength={150} value={minutes() ? a().minutes.prefill(day()) : ""} error={f().fieldError("title")} />
        <Show when={!minutes() && props.assembly.items.length}>
          <SelectField
            label={a().paper.item}
            name="itemID"
            value={itemID()}
            onChange={setItemID}
            options={[{ value: "", label: a().paper.wholeMeeting }, ...props.assembly.items.map((i) => ({ value: i.id, label: i.title }))]}
          />
        </Show>
        <TextField
          type="file"
          label={t().file}
          accept={props.category === "minutes" ? "application/pdf" : "application/pdf,image/*"}
          onChange={(e) => setFile(e.currentTarget.files?.[0])}
        />
        <FormEnd error={f().error()} fields={["title"]} saved={f().saved()} pending={f().pending()} label={t().add} pendingLabel={a().busy} />
      </form>
    </section>
  );
}
