import { createSignal, For, Show } from "solid-js";
import { createAsync, type RouteDefinition } from "@solidjs/router";
import { DocumentItem, storeDocuments } from "../components/document-item";
import { FormEnd, Loads, Status } from "../components/feedback";
import { RadioGroup, SelectField, TextField } from "../components/field";
import { Page } from "../components/page";
import "../components/document.css";
import { DocumentMessages, useDocumentText } from "../i18n/document";
import { ApiError } from "../lib/api";
import { documentApi, documentCategories, getDocuments, type DocumentAudience, type DocumentCategory, type DocumentInfo } from "../lib/document";
import { canManageHouseholds, getMe } from "../lib/person";

export const route = {
  preload: () => void getDocuments().catch(() => undefined),
} satisfies RouteDefinition;

/** The library: every document the reader may see, by kind, each with its newest file; the board keeps it here too. */
export default function Documents() {
  const d = useDocumentText();
  const me = createAsync(() => getMe());
  const documents = createAsync(() => getDocuments());
  const [news, setNews] = createSignal<string>();
  const inCategory = (list: DocumentInfo[], c: DocumentCategory) => list.filter((x) => x.category === c);
  // by ID, so an item keeps its open parts and news when the API's answer replaces it
  const ids = (list: DocumentInfo[], c: DocumentCategory) => inCategory(list, c).map((x) => x.id);
  return (
    <DocumentMessages>
      <Page title={d().title}>
        <p class="lead">{d().intro}</p>
        <Show when={canManageHouseholds(me())}>
          <AddDocument />
        </Show>
        <Status message={news()} />
        <Loads>
          <Show when={documents()}>
            {(list) => (
              <Show when={list().length} fallback={<p>{d().empty}</p>}>
                <For each={documentCategories.filter((c) => inCategory(list(), c).length)}>
                  {(c) => (
                    <section aria-labelledby={`documents-${c}`}>
                      <h2 id={`documents-${c}`}>{d().category[c]}</h2>
                      <ul class="document-list">
                        <For each={ids(list(), c)}>
                          {(id) => (
                            <Show when={list().find((x) => x.id === id)}>
                              {(doc) => <DocumentItem doc={doc()} onNews={setNews} />}
                            </Show>
                          )}
                        </For>
                      </ul>
                    </section>
                  )}
                </For>
              </Show>
            )}
          </Show>
        </Loads>
      </Page>
    </DocumentMessages>
  );
}

/** The board adds a document: its title, kind and readers; its file is uploaded on the document itself next. */
function AddDocument() {
  const d = useDocumentText();
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const [saved, setSaved] = createSignal<string>();
  const titleError = () => {
    const e = error();
    return e instanceof ApiError && e.issues.some((i) => i.path === "title") ? d().fields.title : undefined;
  };

  async function submit(ev: SubmitEvent & { currentTarget: HTMLFormElement }) {
    ev.preventDefault();
    const form = ev.currentTarget;
    const data = new FormData(form);
    setError(undefined);
    setSaved(undefined);
    setPending(true);
    try {
      const doc = await documentApi.create({
        title: String(data.get("title") ?? ""),
        category: String(data.get("category")) as DocumentCategory,
        audience: String(data.get("audience") ?? "members") as DocumentAudience,
      });
      storeDocuments((list) => [...list, doc].sort((a, b) => a.title.localeCompare(b.title, "nl")));
      setSaved(d().add.done(doc.title));
      // the next one is often of the same kind and readers: only the title starts again
      (form.elements.namedItem("title") as HTMLInputElement).value = "";
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  }

  return (
    <details class="disclosure">
      <summary>{d().add.title}</summary>
      <form onSubmit={submit} novalidate>
        <TextField label={d().add.name} name="title" maxLength={150} required error={titleError()} />
        <SelectField
          label={d().add.kind}
          name="category"
          value="other"
          options={documentCategories.map((c) => ({ value: c, label: d().category[c] }))}
        />
        <RadioGroup
          label={d().add.readers}
          name="audience"
          value="members"
          options={(["members", "board"] as const).map((a) => ({ value: a, label: d().audience[a] }))}
        />
        <FormEnd error={error()} fields={["title"]} saved={saved()} pending={pending()} label={d().add.submit} pendingLabel={d().add.pending} />
      </form>
    </details>
  );
}
