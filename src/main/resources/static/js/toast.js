/*
 * Short messages after an action done without reloading the page ("Produit ajouté au
 * panier"). The region is a polite live region present from the start, so screen readers
 * read each new message; it stays while hovered or focused, then fades after 8 seconds.
 */
import { messages } from './messages.js';

const region = document.querySelector('[data-toast-region]');
const DELAY = 8000;
let timer;

function hideLater() {
  clearTimeout(timer);
  timer = setTimeout(() => {
    if (!region.matches(':hover, :focus-within')) {
      region.replaceChildren();
    } else {
      hideLater();
    }
  }, DELAY);
}

/**
 * Shows a message.
 * @param {string} text the message
 * @param {{tone?: 'success'|'warning', link?: {href: string, text: string}}} options
 */
export function announce(text, { tone = 'success', link } = {}) {
  if (!region || !text) {
    return;
  }
  const toast = document.createElement('div');
  toast.className = `toast-message toast-message--${tone}`;
  const message = document.createElement('p');
  message.textContent = text;
  toast.append(message);
  if (link) {
    const anchor = document.createElement('a');
    anchor.href = link.href;
    anchor.textContent = link.text;
    toast.append(anchor);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'btn-close';
  close.setAttribute('aria-label', messages.close);
  close.addEventListener('click', () => region.replaceChildren());
  toast.append(close);
  region.replaceChildren(toast);
  hideLater();
}
