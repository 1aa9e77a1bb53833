/*
 * Listing filters, sort and pages without a full reload. The filter and sort forms are
 * ordinary GET forms and the pages ordinary links (that is how they work without
 * JavaScript); here they fetch the same URL, put the new page's content in place, and
 * record the URL with history.pushState, so it stays shareable and Back returns to the
 * previous filters. The number of products found is announced.
 */
import { messages } from './messages.js';
import { announce } from './toast.js';

const AUTO_APPLY_DELAY = 600;
/* Same breakpoint as the CSS that shows the filters beside the results. */
const wide = matchMedia('(min-width: 992px)');
let pending;

/** On a wide screen the filters are always shown: say so to assistive technologies too. */
function openFiltersIfWide(main, wasOpen = false) {
  const details = main.querySelector('details.catalog__filters');
  if (details) {
    details.open = wasOpen || wide.matches;
  }
}

function listingUrl(url) {
  const target = new URL(url, window.location.href);
  return target.origin === window.location.origin && ['/products', '/search'].includes(target.pathname) ? target : null;
}

async function show(url, { push }) {
  const main = document.querySelector('main.catalog');
  pending?.abort();
  pending = new AbortController();
  const focusedId = document.activeElement?.id;
  const filtersOpen = main.querySelector('details.catalog__filters')?.open;
  main.setAttribute('aria-busy', 'true');
  let html;
  try {
    const response = await fetch(url, { headers: { Accept: 'text/html' }, signal: pending.signal });
    if (!response.ok) {
      throw new Error(String(response.status));
    }
    html = await response.text();
  } catch (error) {
    if (error.name !== 'AbortError') {
      window.location.assign(url); // let the browser show the page or its error
    }
    return;
  } finally {
    main.removeAttribute('aria-busy');
  }
  const next = new DOMParser().parseFromString(html, 'text/html');
  const nextMain = next.querySelector('main.catalog');
  if (!nextMain) {
    window.location.assign(url);
    return;
  }
  main.replaceWith(nextMain);
  document.title = next.title;
  for (const selector of ['link[rel="canonical"]', 'meta[name="robots"]', '.site-footer__language a']) {
    const current = document.querySelector(selector);
    const fresh = next.querySelector(selector);
    if (current && fresh) {
      current.replaceWith(fresh);
    }
  }
  openFiltersIfWide(nextMain, filtersOpen);
  if (push) {
    window.history.pushState({ catalog: true }, '', url);
  }
  const focusTarget = (focusedId && document.getElementById(focusedId)) || nextMain.querySelector('#results-count');
  if (focusTarget) {
    if (focusTarget.id === 'results-count') {
      focusTarget.setAttribute('tabindex', '-1');
    }
    focusTarget.focus({ preventScroll: focusTarget.id !== 'results-count' });
  }
  announce(nextMain.querySelector('#results-count')?.textContent || messages.loading);
}

function formUrl(form) {
  const url = new URL(form.action, window.location.href);
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (value !== '') {
      params.append(name, value);
    }
  }
  url.search = params.toString();
  return url;
}

if (document.querySelector('main.catalog')) {
  openFiltersIfWide(document.querySelector('main.catalog'));
  wide.addEventListener('change', () => openFiltersIfWide(document.querySelector('main.catalog')));
  window.history.replaceState({ catalog: true }, '', window.location.href);
  const timers = new WeakMap();

  document.addEventListener('submit', (event) => {
    const form = event.target.closest('main.catalog form[method="get"]');
    if (form && !event.defaultPrevented) {
      event.preventDefault();
      clearTimeout(timers.get(form));
      show(formUrl(form), { push: true });
    }
  });
  // Ticking a box or picking a sort applies it; a typed price waits for a pause.
  document.addEventListener('change', (event) => {
    const form = event.target.closest('main.catalog form[method="get"]');
    if (form && event.target.matches('input[type="checkbox"], select')) {
      form.requestSubmit();
    }
  });
  document.addEventListener('input', (event) => {
    const form = event.target.closest('main.catalog form[method="get"]');
    if (form && event.target.matches('input[type="number"]') && event.target.checkValidity()) {
      clearTimeout(timers.get(form));
      timers.set(form, setTimeout(() => form.requestSubmit(), AUTO_APPLY_DELAY));
    }
  });
  document.addEventListener('click', (event) => {
    const link = event.target.closest('main.catalog .category-tree a, main.catalog .pagination a, main.catalog .catalog__filter-form a');
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) {
      return;
    }
    const url = listingUrl(link.href);
    if (url) {
      event.preventDefault();
      show(url, { push: true });
    }
  });
  window.addEventListener('popstate', (event) => {
    if (event.state?.catalog && listingUrl(window.location.href)) {
      show(window.location.href, { push: false });
    }
  });
}
