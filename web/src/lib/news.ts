import { query } from "@solidjs/router";
import type { News } from "@akker/core/news/news";
import type { NewsPhotos } from "@akker/core/news/photos";
import { esc, loggedIn, request } from "./api";
import type { MeInfo } from "./person";

/* The typed client and queries of news: only types come from core; a photo goes up as its own bytes. */

export type NewsPost = News.Info;
export type NewsList = { posts: NewsPost[]; weekNote: { week: string; note: string; publishedAt: string | null } | null };
export type NewsPhoto = NewsPhotos.Info;
export type NewsAudience = News.Info["audience"];
export type NewsInput = { title: string; text: string; photoIDs: string[]; audience: NewsAudience; mail: boolean };

export const maxPhotos = 6;

const one = (r: { post: NewsPost }) => r.post;

export const newsApi = {
  list: () => request<NewsList>("GET", "/news"),
  get: (id: string) => request<{ post: NewsPost }>("GET", `/news/${esc(id)}`).then(one),
  create: (input: NewsInput) => request<{ post: NewsPost }>("POST", "/news", input).then(one),
  update: (id: string, changes: Partial<Omit<NewsInput, "mail">>) => request<{ post: NewsPost }>("PATCH", `/news/${esc(id)}`, changes).then(one),
  remove: (id: string) => request<void>("DELETE", `/news/${esc(id)}`),
  upload: (photo: Blob) => request<{ photo: NewsPhoto }>("POST", "/news/photos", photo).then((r) => r.photo),
};

export const getNews = query(() => loggedIn(() => newsApi.list()), "news");
export const getNewsPost = query((id: string) => loggedIn(() => newsApi.get(id)), "news-post");

/** Plain text as the screen shows it: paragraphs of lines, with web addresses as parts of their own. */
export type TextPart = { text: string } | { href: string };

const url = /\bhttps?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'"]/g;

/** Splits a line into text and links (http and https only: never javascript: or data:). */
export function linkParts(line: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const m of line.matchAll(url)) {
    if (m.index > at) parts.push({ text: line.slice(at, m.index) });
    parts.push({ href: m[0] });
    at = m.index + m[0].length;
  }
  if (at < line.length) parts.push({ text: line.slice(at) });
  return parts;
}

/** The farmer and the board write news (admin can do what every role can). */
export function canWriteNews(me: MeInfo | undefined): boolean {
  return !!me && ["farmer", "board", "admin"].some((r) => me.roles.includes(r as MeInfo["roles"][number]));
}

/** Who reads news: people of member households and the farm's staff. */
export function canReadNews(me: MeInfo | undefined): boolean {
  return !!me && me.roles.length > 0;
}
