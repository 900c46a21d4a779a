import { For, Show } from "solid-js";
import { A, createAsync } from "@solidjs/router";
import { useI18n } from "../i18n";
import { NewsMessages, useNewsText } from "../i18n/news";
import { getNews } from "../lib/news";
import { weekLabel } from "../lib/week";
import { Loads } from "./feedback";
import { NewsImage, NewsText, newsDate } from "./news-text";
import "./news.css";

/** How many posts the home screen shows; each has its own page. */
const shown = 5;

/** News on the home screen: the week's harvest note, then the newest posts with their first photo. */
export default function NewsCard(props: { canWrite: boolean }) {
  const d = useNewsText();
  const { locale } = useI18n();
  const news = createAsync(() => getNews());
  return (
    <NewsMessages>
      <section class="card" aria-labelledby="news-card">
        <h2 id="news-card">{d().title}</h2>
        <Loads>
          <Show when={news()}>
            {(n) => (
              <>
                <Show when={n().weekNote}>
                  {(note) => (
                    <figure class="farmer-note">
                      <figcaption>{d().weekNote(weekLabel(note().week, locale()))}</figcaption>
                      <blockquote>
                        <NewsText text={note().note} />
                      </blockquote>
                    </figure>
                  )}
                </Show>
                <Show when={n().posts.length} fallback={<Show when={!n().weekNote}><p>{d().empty}</p></Show>}>
                  <ul class="news-list">
                    <For each={n().posts.slice(0, shown)}>
                      {(post) => (
                        <li class="news-item">
                          <h3>
                            <A href={`/news/${post.id}`}>{post.title}</A>
                          </h3>
                          <p class="news-meta">
                            {d().by(post.author.name, newsDate(post.createdAt, locale()))}
                            <Show when={post.audience === "board"}> · {d().boardOnly}</Show>
                            <Show when={post.photos.length > 1}> · {d().photos(post.photos.length)}</Show>
                          </p>
                          <Show when={post.photos[0]}>{(photo) => <NewsImage photo={photo()} alt={d().photoOf(post.title, 1, post.photos.length)} />}</Show>
                          <NewsText text={post.text} paragraphs={1} />
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </>
            )}
          </Show>
        </Loads>
        <Show when={props.canWrite}>
          <A class="button" href="/news/new">
            {d().write}
          </A>
        </Show>
      </section>
    </NewsMessages>
  );
}
