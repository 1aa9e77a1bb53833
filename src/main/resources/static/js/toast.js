/*
 * Short messages after an action done without reloading the page ("Produit ajouté au
 * panier"). The region is a polite live region present from the start, so screen readers
 * read each new message; it stays while hovered or focused, then fades after 8 seconds.
 */
import { messages } from './messages.js';

const statusRegion = document.querySelector('[data-toast-region]');
// Warnings and refusals go to an alert region, read at once rather than politely.
const alertRegion = document.querySelector('[data-toast-alert-region]');
const DELAY = 8000;
let timer;

function hideLater(region) {
  clearTimeout(timer);
  timer = setTimeout(() => {
    if (!region.matches(':hover, :focus-within')) {
      region.replaceChildren();
    } else {
      hideLater(region);
    }
  }, DELAY);
}

/**
 * Shows a message.
 * @param {string} text the message
 * @param {{tone?: 'success'|'warning', link?: {href: string, text: string}}} options
 */
export function announce(text, { tone = 'success', link } = {}) {
  const region = (tone === 'warning' && alertRegion) ? alertRegion : statusRegion;
  if (!region || !text) {
    return;
  }
  // One message at a time: the other region's is gone.
  [statusRegion, alertRegion].filter((other) => other && other !== region)
    .forEach((other) => other.replaceChildren());
  const toast = document.createElement('div');
  toast.className = `toast-message toast-message--${tone}`;
  if (region === alertRegion) {
    // Added with its role: read at once, without an empty alert waiting in every page.
    toast.setAttribute('role', 'alert');
  }
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
  // Its name is text, which stays with CSS off (RGAA 10.2).
  const closeName = document.createElement('span');
  closeName.className = 'visually-hidden';
  closeName.textContent = messages.close;
  close.append(closeName);
  // Closing removes the button that has the focus: the focus goes back where it was.
  const before = document.activeElement;
  close.addEventListener('click', () => {
    region.replaceChildren();
    if (before instanceof HTMLElement && before.isConnected) {
      before.focus();
    }
  });
  toast.append(close);
  region.replaceChildren(toast);
  hideLater(region);
}
