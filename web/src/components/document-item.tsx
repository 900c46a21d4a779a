import { createSignal, For, Show } from "solid-js";
import { query, revalidate } from "@solidjs/router";
import { useI18n } from "../i18n";
import { useDocumentText } from "../i18n/document";
import { ApiError, peek } from "../lib/api";
import {
  documentApi,
  fileHref,
  getDocuments,
  maxDocumentBytes,
  documentCategories,
  type DocumentAudience,
  type DocumentCategory,
  type DocumentInfo,
  type DocumentVersion,
} from "../lib/document";
import { AskFirst } from "./ask-first";
import { FormError, Status } from "./feedback";
import { SelectField, TextField } from "./field";

/** Puts the API's answer into the library on screen, without fetching it again. */
export function storeDocuments(change: (list: DocumentInfo[]) => DocumentInfo[]) {
  const key = getDocuments.keyFor();
  query.set(key, change(peek<DocumentInfo[]>(key) ?? []));
  void revalidate(key, false);
}

const replace = (doc: DocumentInfo) => storeDocuments((list) => list.map((x) => (x.id === doc.id ? doc : x)));

/** "240 kB", "1,2 MB", and the day it was uploaded, in the reader's language. */
function useVersionText() {
  const { locale } = useI18n();
  const d = useDocumentText();
  const lang = () => (locale() === "en" ? "en-GB" : "nl-NL");
  const size = (bytes: number) =>
    bytes < 1024 * 1024
      ? d().size.kB(new Intl.NumberFormat(lang(), { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024)))
      : d().size.MB(new Intl.NumberFormat(lang(), { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024));
  const day = (iso: string) =>
    new Intl.DateTimeFormat(lang(), { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Amsterdam" }).format(new Date(iso));
  return (v: DocumentVersion) => d().meta([size(v.bytes), day(v.uploadedAt), d().version(v.version)]);
}

function VersionLink(props: { doc: DocumentInfo; version: DocumentVersion }) {
  const meta = useVersionText();
  return (
    <>
      <a href={fileHref(props.doc.id, props.version.version)} download={props.version.name}>
        {props.version.name}
      </a>{" "}
      <span class="muted">({meta(props.version)})</span>
    </>
  );
}

/** A document's newest file to download, or that it has none yet. */
export function NewestFile(props: { doc: DocumentInfo }) {
  const d = useDocumentText();
  return (
    <Show when={props.doc.versions[0]} fallback={<p class="muted">{d().noFile}</p>}>
      {(newest) => (
        <p class="document-file">
          <VersionLink doc={props.doc} version={newest()} />
        </p>
      )}
    </Show>
  );
}

/** One document: its newest file to download, earlier ones folded away, and for the board what it may change. */
export function DocumentItem(props: { doc: DocumentInfo; onNews: (news: string) => void }) {
  const d = useDocumentText();
  const doc = () => props.doc;
  const earlier = () => doc().versions.slice(1);
  return (
    <li class="card">
      <h3>{doc().title}</h3>
      <Show when={doc().audience === "board"}>
        <p>
          <span class="badge">{d().boardOnly}</span>
        </p>
      </Show>
      <NewestFile doc={doc()} />
      <Show when={earlier().length}>
        <details class="disclosure">
          <summary>{d().earlier(earlier().length)}</summary>
          <ul class="document-versions">
            <For each={earlier()}>
              {(v) => (
                <li>
                  <VersionLink doc={doc()} version={v} />
                </li>
              )}
            </For>
          </ul>
        </details>
      </Show>
      <Show when={doc().canEdit}>
        <Manage doc={doc()} onNews={props.onNews} />
      </Show>
    </li>
  );
}

/** The board's part: a new version, its title, kind and readers, removing it; open at once while it has no file yet. */
function Manage(props: { doc: DocumentInfo; onNews: (news: string) => void }) {
  const d = useDocumentText();
  const [error, setError] = createSignal<unknown>();
  const [saved, setSaved] = createSignal<string>();
  const [pending, setPending] = createSignal<"upload" | "details" | "remove">();
  const [file, setFile] = createSignal<File>();
  // open while there is no file yet, and it stays as it is when one is uploaded: its news is read there
  const startOpen = props.doc.versions.length === 0;
  const clear = () => {
    setError(undefined);
    setSaved(undefined);
  };

  async function run(what: "upload" | "details" | "remove", call: () => Promise<string>) {
    clear();
    setPending(what);
    try {
      setSaved(await call());
      return true;
    } catch (e) {
      setError(e);
      // changed or gone meanwhile: show the library as it is now
      if (e instanceof ApiError && (e.status === 409 || e.status === 404)) void revalidate(getDocuments.keyFor());
      return false;
    } finally {
      setPending(undefined);
    }
  }

  function upload(ev: SubmitEvent & { currentTarget: HTMLFormElement }) {
    ev.preventDefault();
    const form = ev.currentTarget;
    const chosen = file();
    clear();
    if (!chosen) return setError(new ApiError(400, "document.choose", ""));
    // the API refuses it too; this saves sending 5 MB and more for nothing
    if (chosen.size > maxDocumentBytes) return setError(new ApiError(413, "input.too_large", ""));
    void run("upload", async () => {
      replace(await documentApi.upload(props.doc.id, chosen));
      form.reset();
      setFile(undefined);
      return d().upload.done(chosen.name);
    });
  }

  // only what differs from the document as shown goes: the API refuses an empty change
  function saveDetails(ev: SubmitEvent & { currentTarget: HTMLFormElement }) {
    ev.preventDefault();
    const data = new FormData(ev.currentTarget);
    const wanted = {
      title: String(data.get("title") ?? "").trim(),
      category: String(data.get("category")) as DocumentCategory,
      audience: String(data.get("audience")) as DocumentAudience,
    };
    const changes = Object.fromEntries(Object.entries(wanted).filter(([k, v]) => props.doc[k as keyof typeof wanted] !== v));
    if (!Object.keys(changes).length) {
      clear();
      return setSaved(d().details.unchanged);
    }
    void run("details", async () => {
      const saved = await documentApi.update(props.doc.id, changes);
      // of another kind, it moves to that heading and this form goes with it: the screen says where
      if (changes.category) props.onNews(d().details.moved(saved.title, d().category[saved.category]));
      replace(saved);
      return d().details.done;
    });
  }
  const titleError = () => {
    const e = error();
    return e instanceof ApiError && e.issues.some((i) => i.path === "title") ? d().fields.title : undefined;
  };

  return (
    <details class="disclosure" open={startOpen}>
      <summary>{d().manage(props.doc.title)}</summary>
      <form onSubmit={upload} novalidate>
        <TextField
          type="file"
          label={props.doc.versions.length ? d().upload.label : d().upload.labelFirst}
          accept="application/pdf,image/*"
          onChange={(e) => setFile(e.currentTarget.files?.[0])}
        />
        <button type="submit" class="primary" disabled={!!pending()}>
          {pending() === "upload" ? d().upload.pending : d().upload.submit}
        </button>
      </form>
      <form onSubmit={saveDetails} novalidate>
        <TextField label={d().details.title} name="title" value={props.doc.title} maxLength={150} required error={titleError()} />
        <SelectField
          label={d().details.kind}
          name="category"
          value={props.doc.category}
          options={documentCategories.map((c) => ({ value: c, label: d().category[c] }))}
        />
        <SelectField
          label={d().details.readers}
          name="audience"
          value={props.doc.audience}
          options={(["members", "board"] as const).map((a) => ({ value: a, label: d().audience[a] }))}
        />
        <button type="submit" class="secondary" disabled={!!pending()}>
          {pending() === "details" ? d().details.pending : d().details.save}
        </button>
      </form>
      <AskFirst
        inActions
        label={d().remove.button}
        ariaLabel={d().remove.ariaLabel(props.doc.title)}
        question={d().remove.question(props.doc.title)}
        yes={d().remove.yes}
        no={d().remove.no}
        pendingLabel={d().remove.pending}
        pending={pending() === "remove"}
        onAsk={clear}
        focusAfter={() => document.querySelector<HTMLElement>("main h1")}
        onYes={() =>
          run("remove", async () => {
            await documentApi.remove(props.doc.id);
            // the item goes, so the news is told by the screen
            props.onNews(d().remove.done(props.doc.title));
            storeDocuments((list) => list.filter((x) => x.id !== props.doc.id));
            return "";
          })
        }
      />
      <FormError error={error()} />
      <Status message={saved()} />
    </details>
  );
}
