/*
 * The cart page without reloads: a quantity changed (typed, or with the arrows) or a line
 * removed goes to the JSON API, and the page shows the totals, VAT, delivery estimate and
 * free-shipping progress the server computed in return; nothing is computed here. When the stock limits
 * a quantity, the field shows what was kept and the message says why. Without JavaScript
 * the same forms post and the page reloads.
 */
import { callApi } from './api.js';
import { showCartCount } from './cart-badge.js';
import { announce } from './toast.js';

const page = document.querySelector('[data-cart]');
const DELAY = 500;

function renderLine(element, line) {
  element.querySelector('[data-line-total]').textContent = line.total;
  const input = element.querySelector('input[name="quantity"]');
  if (Number(input.value) !== line.quantity) {
    input.value = String(line.quantity);
  }
  const problem = element.querySelector('[data-line-problem]');
  problem.textContent = line.problem || '';
  problem.hidden = !line.problem;
}

function renderSummary(summary) {
  page.querySelector('[data-cart-items-label]').textContent = summary.itemsLabel;
  page.querySelector('[data-cart-items-total]').textContent = summary.itemsTotal;
  const totals = page.querySelector('[data-cart-totals]');
  totals.querySelectorAll('.cart-summary__vat').forEach((element) => element.remove());
  for (const vat of summary.vat) {
    const term = document.createElement('dt');
    const value = document.createElement('dd');
    term.className = 'text-muted cart-summary__vat';
    value.className = 'text-muted cart-summary__vat';
    term.textContent = vat.label;
    value.textContent = vat.amount;
    totals.append(term, value);
  }
  const estimate = page.querySelector('[data-cart-estimate]');
  if (estimate) {
    estimate.textContent = summary.estimate || '';
    estimate.hidden = !summary.estimate;
  }
  const deliveries = page.querySelector('[data-cart-deliveries]');
  if (deliveries) {
    deliveries.replaceChildren(...(summary.deliveries || []).flatMap((delivery) => {
      const term = document.createElement('dt');
      const value = document.createElement('dd');
      term.textContent = delivery.method;
      value.textContent = delivery.price;
      return [term, value];
    }));
  }
  const shipping = page.querySelector('[data-cart-shipping]');
  if (shipping) {
    shipping.textContent = summary.shipping || '';
    shipping.hidden = !summary.shipping;
  }
  page.querySelector('[data-cart-checkout]').hidden = !summary.orderable;
  page.querySelector('[data-cart-fix-first]').hidden = summary.orderable;
}

function render(summary) {
  showCartCount(summary);
  const lines = new Map(summary.lines.map((line) => [String(line.variantId), line]));
  const elements = [...page.querySelectorAll('.cart-line[data-variant-id]')];
  elements.forEach((element, index) => {
    const line = lines.get(element.dataset.variantId);
    if (line) {
      renderLine(element, line);
      return;
    }
    // A removed line: the focus moves to the next line (or the previous one).
    if (element.contains(document.activeElement) || document.activeElement === document.body) {
      const neighbour = elements.slice(index + 1).concat(elements.slice(0, index).reverse())
        .find((other) => lines.has(other.dataset.variantId));
      neighbour?.querySelector('input[name="quantity"]').focus();
    }
    element.remove();
  });
  if (summary.lines.length === 0) {
    page.querySelector('[data-cart-layout]')?.remove();
    const empty = page.querySelector('[data-cart-empty]');
    empty.hidden = false;
    empty.querySelector('a').focus();
    return;
  }
  renderSummary(summary);
}

async function send(form, method, body) {
  try {
    const summary = await callApi(form.dataset.api, { method, form, body });
    render(summary);
    // Cut to the stock: a warning, read at once (RGAA 7.5).
    announce(summary.message, { tone: summary.limited ? 'warning' : 'success' });
  } catch (error) {
    announce(error.message, { tone: 'warning' });
    try {
      render(await callApi(page.dataset.api));
    } catch (ignored) {
      // The page keeps what it showed; the next action will try again.
    }
  }
}

if (page) {
  const timers = new WeakMap();
  // The server limits a quantity to the stock and says so: the browser must not refuse
  // it first with its own message.
  page.querySelectorAll('form[data-cart-quantity]').forEach((form) => {
    form.noValidate = true;
  });
  page.addEventListener('submit', (event) => {
    const form = event.target;
    if (form.matches('[data-cart-quantity]')) {
      event.preventDefault();
      clearTimeout(timers.get(form));
      const quantity = Number(form.elements.namedItem('quantity').value);
      send(form, 'PUT', { quantity });
    } else if (form.matches('[data-cart-remove]')) {
      event.preventDefault();
      send(form, 'DELETE');
    }
  });
  // The arrows of a number field change it step by step: wait for the last step.
  page.addEventListener('input', (event) => {
    const form = event.target.closest('form[data-cart-quantity]');
    if (form && event.target.value !== '') {
      clearTimeout(timers.get(form));
      timers.set(form, setTimeout(() => form.requestSubmit(), DELAY));
    }
  });
}
