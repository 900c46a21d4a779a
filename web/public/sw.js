/*
 * Akker's service worker: installable, and the person's own week readable
 * offline. The shell (index.html, the built files, icons) comes from the
 * cache when the network fails; the API answers the offline screens use
 * (who is logged in, the week's share with its pickup, the pick list, the
 * work days on the home screen) are fetched from the network first and kept
 * as a fallback. Only the logged-in person's own answers are kept, and
 * they are dropped on login, logout and any 401.
 */
const SHELL = "akker-shell-v1";
const DATA = "akker-data-v1";
/** The API paths whose GET answers are kept for offline use. */
const KEEP = /^\/api\/(?:me|harvests(?:\/.*)?|workdays|farm(?:\/.*)?)$/;
/** Login and logout change whose data the kept answers are. */
const SESSION = /^\/api\/auth\/(?:verify|logout)$/;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(["/", "/manifest.webmanifest", "/icons/icon-192.png"]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== SHELL && k !== DATA).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/api/")) {
    if (request.method === "GET" && KEEP.test(url.pathname)) event.respondWith(ownAnswer(request));
    else if (SESSION.test(url.pathname)) event.respondWith(session(event, url.pathname.endsWith("/verify")));
    return;
  }
  if (request.method !== "GET") return;
  if (request.mode === "navigate") event.respondWith(screen(request));
  // Built files are named by their content: a kept one is never stale.
  else if (url.pathname.startsWith("/assets/")) event.respondWith(cacheFirst(request));
  else event.respondWith(shellFile(request));
});

/*
 * The page that the worker took over on a first visit loaded its files and
 * answers before the worker could see them: it sends their addresses, to
 * be kept now (src/index.tsx).
 */
self.addEventListener("message", (event) => {
  if (!Array.isArray(event.data)) return;
  const wanted = event.data
    .filter((href) => typeof href === "string")
    .map((href) => new URL(href, self.location.origin))
    .filter((url) => url.origin === self.location.origin && (url.pathname.startsWith("/assets/") || KEEP.test(url.pathname)));
  event.waitUntil(
    Promise.all(
      wanted.map((url) =>
        url.pathname.startsWith("/assets/") ? cacheFirst(new Request(url)) : ownAnswer(new Request(url)),
      ),
    ).catch(() => undefined),
  );
});

/*
 * Whose answers are kept changes with a login or logout: each bumps the
 * generation, so an answer asked for before it is not kept after it, and
 * nothing is kept in the cache while it is being deleted.
 */
let generation = 0;
let forgotten = Promise.resolve(true);

function forget() {
  generation++;
  forgotten = caches.delete(DATA);
  return forgotten;
}

/**
 * A login or logout: the kept answers go first. The app takes the person
 * from the login's answer and does not ask for it again, so it is kept now.
 */
async function session(event, login) {
  await forget();
  const response = await fetch(event.request);
  if (login && response.ok) event.waitUntil(ownAnswer(new Request("/api/me")));
  return response;
}

/** The person's own API answer: from the network, else as kept. */
async function ownAnswer(request) {
  const asked = generation;
  try {
    const response = await fetch(request);
    if (response.status === 401) await forget();
    else if (response.ok && asked === generation) {
      await forgotten;
      await (await caches.open(DATA)).put(request, response.clone());
    }
    return response;
  } catch (e) {
    await forgotten;
    const kept = await caches.match(request, { cacheName: DATA });
    if (kept) return kept;
    throw e;
  }
}

/** A file of the app that is not named by its content (icons, manifest): fresh when online. */
async function shellFile(request) {
  const cache = await caches.open(SHELL);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (e) {
    const kept = await cache.match(request);
    if (kept) return kept;
    throw e;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(SHELL);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

/**
 * Every screen is index.html. A new one means a new build: the old build's
 * files are dropped, the new page fetches (and so keeps) its own.
 */
async function screen(request) {
  const cache = await caches.open(SHELL);
  try {
    const response = await fetch(request);
    if (response.ok && (response.headers.get("content-type") ?? "").startsWith("text/html")) {
      const kept = await cache.match("/");
      const [now, before] = await Promise.all([response.clone().text(), kept ? kept.text() : undefined]);
      if (before !== undefined && before !== now) {
        for (const old of await cache.keys()) if (new URL(old.url).pathname.startsWith("/assets/")) await cache.delete(old);
      }
      await cache.put("/", response.clone());
    }
    return response;
  } catch (e) {
    const kept = await cache.match("/");
    if (kept) return kept;
    throw e;
  }
}
