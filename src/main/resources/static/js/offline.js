/*
 * The offline page (pwa/offline.html): lists the pages this browser kept, which open
 * without a network, tries again at a click, and by itself when the connection returns
 * (or has already returned when the page shows).
 */
const list = document.querySelector('[data-saved-pages]');
const none = document.querySelector('[data-saved-pages-none]');
const retry = document.querySelector('[data-offline-retry]');

/** The title of a kept page, without the shop's name that every title ends with. */
function titleOf(html) {
  const title = new DOMParser().parseFromString(html, 'text/html').title;
  return title.replace(/\s*·\s*[^·]*$/, '').trim() || title;
}

async function listSavedPages() {
  if (!('caches' in window) || !list) {
    return;
  }
  const names = (await caches.keys()).filter((name) => name.startsWith('comptoir-pages-'));
  const items = [];
  for (const name of names) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      const url = new URL(request.url);
      const link = document.createElement('a');
      link.href = url.pathname + url.search;
      link.textContent = titleOf(await response.text());
      const item = document.createElement('li');
      item.append(link);
      items.push(item);
    }
  }
  // The most recently kept first.
  list.replaceChildren(...items.reverse());
  if (none) {
    none.hidden = items.length > 0;
  }
}

if (retry) {
  retry.hidden = false;
  retry.addEventListener('click', () => window.location.reload());
}
// Back online: the page the visitor asked for, unless they are already on their way to
// another one (a reload then would cancel the page they just asked for).
let leaving = false;
window.addEventListener('beforeunload', () => {
  leaving = true;
});
function reloadIfStillHere() {
  if (navigator.onLine && !leaving) {
    window.location.reload();
  }
}
window.addEventListener('online', reloadIfStillHere);

// Online already, yet this page came back: the connection returned before this script ran
// (a module script runs once the page is parsed, and the 'online' event does not wait), or
// the first request after it failed, as while a phone's radio reconnects. Try again, a
// little later each time, three times per spell offline: a shop that is down keeps this
// page and its button, without reloading for ever. A spell ends when the page shows while
// truly offline (here) or when a page of the shop comes from the network (pwa.js). Not when this page was asked for by its
// own address, /offline: then it is what the visitor wanted to see.
const RETRIES = 'comptoir.offline.retries';
function retryWhileOnline() {
  if (window.location.pathname.endsWith('/offline')) {
    return;
  }
  let tried;
  try {
    if (!navigator.onLine) {
      sessionStorage.removeItem(RETRIES);
      return;
    }
    tried = Number(sessionStorage.getItem(RETRIES)) || 0;
    if (tried >= 3) {
      return;
    }
    sessionStorage.setItem(RETRIES, String(tried + 1));
  } catch {
    return; // No storage (a policy): the button and the 'online' event remain.
  }
  window.setTimeout(reloadIfStillHere, 1500 * (tried + 1));
}
retryWhileOnline();
listSavedPages();
