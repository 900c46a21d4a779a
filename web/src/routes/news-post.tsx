import { createSignal, For, Show } from "solid-js";
import { A, createAsync, revalidate, useNavigate, useParams } from "@solidjs/router";
import { AskFirst } from "../components/ask-first";
import { FormError, Loads } from "../components/feedback";
import { MailingProgress } from "../components/mailing-progress";
import { NewsImage, NewsText, newsDate } from "../components/news-text";
import { Page } from "../components/page";
import "../components/news.css";
import { useI18n } from "../i18n";
import { NewsMessages, useNewsText } from "../i18n/news";
import { esc } from "../lib/api";
import { getNews, getNewsPost, newsApi } from "../lib/news";

/** One post with all its photos; its author or the board edits or deletes it here. */
export default function NewsPostScreen() {
  const d = useNewsText();
  const { locale } = useI18n();
  const params = useParams<{ id: string }>();
  const navigate = useNavigate();
  const post = createAsync(() => getNewsPost(params.id));
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const remove = async () => {
    setPending(true);
    try {
      await newsApi.remove(params.id);
      await revalidate(getNews.key);
      navigate("/", { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };
  return (
    <NewsMessages>
      <Page title={post()?.title ?? d().title}>
        <Loads>
          <Show when={post()}>
            {(p) => (
              <article>
                <p class="news-meta">
                  {d().by(p().author.name, newsDate(p().createdAt, locale()))}
                  <Show when={p().audience === "board"}> · {d().boardOnly}</Show>
                </p>
                <NewsText text={p().text} />
                <div class="news-photos">
                  <For each={p().photos}>{(photo, i) => <NewsImage photo={photo} alt={d().photoOf(p().title, i() + 1, p().photos.length)} />}</For>
                </div>
                {/* its mail goes out after the post is saved: its author and the board see how far it got */}
                <Show when={p().canEdit && p().mail && p().id} keyed>
                  {(id) => <MailingProgress path={`/news/${esc(id)}/mailing`} of="recipients" />}
                </Show>
                <FormError error={error()} />
                <div class="actions">
                  <A class="button secondary" href="/">
                    {d().back}
                  </A>
                  <Show when={p().canEdit}>
                    <A class="button" href={`/news/${p().id}/edit`}>
                      {d().edit}
                    </A>
                    <AskFirst
                      label={d().remove.button}
                      question={d().remove.question(p().title)}
                      yes={d().remove.yes}
                      no={d().remove.no}
                      pendingLabel={d().remove.pending}
                      pending={pending()}
                      inActions
                      onAsk={() => setError(undefined)}
                      onYes={remove}
                    />
                  </Show>
                </div>
              </article>
            )}
          </Show>
        </Loads>
      </Page>
    </NewsMessages>
  );
}
