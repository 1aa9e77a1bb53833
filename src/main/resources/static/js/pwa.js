/*
 * The shop as an application a phone installs (docs/web-mobile.md). Registers the service
 * worker (/service-worker.js), offers a new release of the shop when one is waiting — the
 * visitor takes it with a click, and is never asked during checkout, where a reload would
 * cost what they typed — and dates the copy of a page the worker shows offline.
 * Without service workers (or without JavaScript) the shop works as before, online only.
 */
import { format, messages } from './messages.js';

let accepted = false;

/** The copy of a page shown offline says when it was saved, in the page's language. */
function dateTheOfflineCopy() {
  const banner = document.querySelector('[data-offline-copy][data-saved-at]');
  const target = banner?.querySelector('[data-offline-saved-at]');
  const saved = new Date(banner?.dataset.savedAt ?? '');
  if (target && !Number.isNaN(saved.getTime())) {
    const when = new Intl.DateTimeFormat(document.documentElement.lang || undefined,
      { dateStyle: 'long', timeStyle: 'short' }).format(saved);
    target.textContent = format(messages.offlineSavedAt, when);
  }
}

/**
 * A page the shop itself sent, not a kept copy: any spell offline is over, so the offline
 * page will have its three retries again at the next one (offline.js, same key).
 */
function endTheSpellOffline() {
  if (document.querySelector('[data-offline-copy][data-saved-at]')) {
    return;
  }
  try {
    sessionStorage.removeItem('comptoir.offline.retries');
  } catch {
    // No storage (a policy): offline.js does not count either.
  }
}

function duringCheckout() {
  return window.location.pathname.startsWith('/checkout');
}

/** Tells the visitor a new release waits, with the button that takes it. */
function offer(worker) {
  const region = document.querySelector('[data-app-update]');
  if (!region || duringCheckout() || region.childElementCount > 0) {
    return;
  }
  const text = document.createElement('p');
  text.textContent = messages.appUpdate;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'btn btn-primary btn-sm';
  button.textContent = messages.appUpdateAccept;
  button.addEventListener('click', async () => {
    accepted = true;
    button.disabled = true;
    // The release waiting now: another tab may have taken the one offered meanwhile.
    const registration = await navigator.serviceWorker.getRegistration();
    (registration?.waiting ?? worker).postMessage({ type: 'take-over' });
  });
  const bar = document.createElement('div');
  bar.className = 'container app-update__bar';
  bar.append(text, button);
  region.replaceChildren(bar);
}

async function register() {
  const registration = await navigator.serviceWorker.register('/service-worker.js', { type: 'module', scope: '/' });
  if (registration.waiting && navigator.serviceWorker.controller) {
    offer(registration.waiting);
  }
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      // Installed while an older release controls this page: it waits for the visitor.
      if (worker.state === 'installed' && navigator.serviceWorker.controller) {
        offer(worker);
      }
    });
  });
}

dateTheOfflineCopy();
endTheSpellOffline();
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // The new release took over because this visitor asked for it: show the page with it.
    if (accepted) {
      window.location.reload();
    }
  });
  const start = () => register().catch(() => {
    // No worker (private browsing, a policy, a failed install): the shop works online as before.
  });
  // After the page's own files, so that the worker's downloads never slow the first visit.
  if (document.readyState === 'complete') {
    start();
  }
  else {
    window.addEventListener('load', start, { once: true });
  }
}
