/*
 * Comptoir's service worker: what lets the shop open with a bad connection, or none.
 * A plain ES module, registered by /js/pwa.js with the whole site as its scope, and served
 * at /service-worker.js by ServiceWorkerController, which fills in RELEASE below.
 *
 * What it does (docs/web-mobile.md explains why):
 * - the shop's static files (CSS, scripts, images, under URLs holding a hash of their
 *   content) and the offline page are kept at install, in a cache named after the release;
 *   the caches of older releases are deleted when a new release takes over;
 * - a page is asked of the network first. When the network fails, or takes longer than
 *   TIMEOUT_MS while a copy was kept, the kept copy is shown with a banner saying that
 *   prices and stock may have changed; with no copy, the offline page;
 * - a page is kept only if the server says it may be: a public page (catalogue, product,
 *   editors' page) sent without "no-store" nor "private" in Cache-Control. The server sends
 *   "no-store" on everything else, including every response that sets a cookie: a script
 *   cannot see Set-Cookie (a forbidden header), so it is the server that decides;
 * - the private parts of the shop (account, cart, checkout, back office, API, login...)
 *   are never kept, whatever their headers: offline, they show the offline page;
 * - a new release waits until the visitor accepts it (pwa.js asks, never during checkout).
 */
const RELEASE = /*release*/ { version: 'dev', precache: [], offline: '/offline' };

const STATIC_CACHE = `comptoir-static-${RELEASE.version}`;
const PAGES_CACHE = `comptoir-pages-${RELEASE.version}`;

/** How long a page may take before the kept copy is shown instead, when there is one. */
const TIMEOUT_MS = 3000;

/** At most this many pages are kept; the oldest go first. */
const MAX_PAGES = 40;

/**
 * First segments of the paths never kept: pages of one person, or that change state (the
 * site map lists the back office for staff).
 */
const PRIVATE = new Set(['account', 'admin', 'api', 'cart', 'checkout', 'demo', 'invitation', 'login', 'logout',
  'modules', 'password', 'register', 'sitemap']);

/** The banner of the layout (fragments/layout.html), hidden in every page but a kept copy. */
const BANNER = '<section class="offline-copy" data-offline-copy hidden aria-labelledby="offline-copy-title">';

/** Header the worker adds to a kept page: when it was saved (ISO 8601). */
const SAVED_AT = 'X-Comptoir-Saved-At';

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(STATIC_CACHE);
    // The offline page without cookies: the same for everyone, nothing of a visitor in it.
    const offline = new Request(RELEASE.offline, { credentials: 'omit', cache: 'no-store' });
    await cache.addAll([...RELEASE.precache, offline]);
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith('comptoir-') && name !== STATIC_CACHE
      && name !== PAGES_CACHE).map((name) => caches.delete(name)));
    // No navigation preload: it would save only the worker's start-up time, and each
    // preload is one more request in flight that an old release must finish before the
    // next one can take over (Chromium waits for them).
  })());
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'take-over') {
    // The visitor clicked « Mettre à jour » (pwa.js): this release replaces the old one now.
    self.skipWaiting();
  }
  else if (event.data?.type === 'release') {
    event.ports[0]?.postMessage(RELEASE.version);
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) {
    return;
  }
  if (RELEASE.precache.includes(url.pathname)) {
    // A static file of this release (a module's too, under /modules/): kept at install.
    event.respondWith(caches.match(request, { cacheName: STATIC_CACHE }).then((kept) => kept || fetch(request)));
  }
  else if (isPrivate(url)) {
    if (request.mode === 'navigate') {
      // Asked of the network, never kept; offline, the offline page, never a stale copy.
      event.respondWith(fetch(request).catch(offlinePage));
    }
  }
  else if (request.mode === 'navigate') {
    event.respondWith(networkFirst(event));
  }
});

/**
 * Tells whether a path belongs to the private parts of the shop, however it is written:
 * percent-encoded (/%61ccount), with a path parameter (/account;x=1), in capitals or
 * after an empty segment, as the server would read it.
 */
function isPrivate(url) {
  const first = url.pathname.split('/').filter(Boolean)[0] ?? '';
  let segment = first.split(';')[0];
  try {
    segment = decodeURIComponent(segment);
  }
  catch (error) {
    return true;
  }
  return PRIVATE.has(segment.split(';')[0].toLowerCase());
}

async function networkFirst(event) {
  const request = event.request;
  const cache = await caches.open(PAGES_CACHE);
  const kept = await cache.match(request);
  const network = fetch(request).then(async (response) => {
    if (mayBeKept(response)) {
      await keep(cache, request, response.clone());
    }
    else if (response.status === 404 || response.status === 410) {
      // A product withdrawn from sale: its old copy must not come back offline.
      await cache.delete(request);
    }
    return response;
  });
  // Whatever is shown, a fresh page that arrives late still replaces the kept copy.
  event.waitUntil(network.catch(() => undefined));
  if (!kept) {
    return network.catch(offlinePage);
  }
  const late = new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS, null));
  const response = await Promise.race([network, late]).catch(() => null);
  return response ?? markedCopy(kept);
}

/** A public page the server allows to keep: HTML, 200, without no-store nor private. */
function mayBeKept(response) {
  const cacheControl = response.headers.get('Cache-Control') ?? '';
  return response.status === 200 && response.type === 'basic'
    && (response.headers.get('Content-Type') ?? '').startsWith('text/html')
    && !/no-store|private/i.test(cacheControl);
}

async function keep(cache, request, response) {
  const headers = new Headers(response.headers);
  headers.set(SAVED_AT, new Date().toISOString());
  await cache.put(request, new Response(await response.blob(), { status: response.status, headers }));
  const requests = await cache.keys();
  // Keys come in the order they were first put: the oldest first.
  await Promise.all(requests.slice(0, Math.max(0, requests.length - MAX_PAGES)).map((old) => cache.delete(old)));
}

/**
 * The kept copy of a page, with the banner the layout hides in every page (data-offline-copy)
 * shown, and the time it was saved, which pwa.js writes out in the visitor's language.
 */
async function markedCopy(kept) {
  const html = (await kept.text()).replace(BANNER,
    BANNER.replace(' hidden ', ` data-saved-at="${kept.headers.get(SAVED_AT) ?? ''}" `));
  return new Response(html, { status: 200, headers: kept.headers });
}

async function offlinePage() {
  const page = await caches.match(RELEASE.offline, { cacheName: STATIC_CACHE });
  return page ?? new Response('Offline', { status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
