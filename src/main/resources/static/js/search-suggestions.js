/*
 * Suggestions under the header's search field: an accessible combobox as the WAI-ARIA
 * Authoring Practices describe it (list autocomplete). Typing asks /api/v1/search after a
 * short pause (a newer request cancels the older one); Down and Up move through the
 * suggestions (aria-activedescendant keeps the focus in the field), Enter opens the chosen
 * one, Escape closes the list, then clears the field. Without JavaScript, or without a
 * choice, the form simply opens the search page.
 */
import { callApi } from './api.js';
import { format, messages } from './messages.js';

const DELAY = 250;
const MIN_LENGTH = 2;

function enhance(input) {
  const listbox = document.createElement('ul');
  listbox.id = `${input.id}-suggestions`;
  listbox.className = 'search-suggestions list-unstyled';
  listbox.setAttribute('role', 'listbox');
  listbox.setAttribute('aria-label', messages.searchSuggestions);
  listbox.hidden = true;
  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  input.form.classList.add('site-search--suggest');
  input.after(listbox, status);
  // A search field may not be a combobox (ARIA in HTML): a text field with the search key.
  input.type = 'text';
  input.enterKeyHint = 'search';
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listbox.id);
  input.setAttribute('autocomplete', 'off');

  let timer;
  let pending;
  let active = -1;
  const options = () => [...listbox.querySelectorAll('[role="option"]')];

  function close() {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function activate(index) {
    const all = options();
    if (all.length === 0) {
      return;
    }
    active = (index + all.length) % all.length;
    all.forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
    input.setAttribute('aria-activedescendant', all[active].id);
    all[active].scrollIntoView({ block: 'nearest' });
  }

  function option(id, url) {
    const item = document.createElement('li');
    item.id = id;
    item.setAttribute('role', 'option');
    item.setAttribute('aria-selected', 'false');
    item.dataset.url = url;
    item.className = 'search-suggestions__option';
    return item;
  }

  function render(result) {
    listbox.replaceChildren();
    result.items.forEach((suggestion, i) => {
      const item = option(`${listbox.id}-${i}`, suggestion.url);
      if (suggestion.image) {
        const image = document.createElement('img');
        image.src = suggestion.image;
        image.alt = '';
        image.width = 48;
        image.height = 36;
        item.append(image);
      }
      const name = document.createElement('span');
      name.className = 'search-suggestions__name';
      name.textContent = suggestion.name;
      const price = document.createElement('span');
      price.className = 'search-suggestions__price';
      price.textContent = suggestion.price;
      item.append(name, price);
      listbox.append(item);
    });
    if (result.total > 0) {
      const all = option(`${listbox.id}-all`, result.allUrl);
      all.classList.add('search-suggestions__all');
      all.textContent = result.allLabel;
      listbox.append(all);
    }
    active = -1;
    input.removeAttribute('aria-activedescendant');
    const open = result.items.length > 0;
    listbox.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    status.textContent = open ? format(messages.searchCount, result.items.length) : messages.searchNone;
  }

  async function suggest() {
    const text = input.value.trim();
    pending?.abort();
    if (text.length < MIN_LENGTH) {
      close();
      status.textContent = '';
      return;
    }
    pending = new AbortController();
    try {
      const result = await callApi(`${input.dataset.api}?q=${encodeURIComponent(text)}`, { signal: pending.signal });
      if (input.value.trim() === result.query) {
        render(result);
      }
    } catch (error) {
      if (error.name !== 'AbortError') {
        close();
      }
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, DELAY);
  });
  input.addEventListener('keydown', (event) => {
    const open = !listbox.hidden;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (open) {
          activate(active + 1);
        } else if (options().length > 0) {
          listbox.hidden = false;
          input.setAttribute('aria-expanded', 'true');
          activate(0);
        }
        break;
      case 'ArrowUp':
        if (open) {
          event.preventDefault();
          activate(active - 1);
        }
        break;
      case 'Enter':
        if (open && active >= 0) {
          event.preventDefault();
          window.location.assign(options()[active].dataset.url);
        }
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = '';
          status.textContent = '';
        }
        break;
      default:
    }
  });
  // A click on a suggestion must not blur the field before it counts.
  listbox.addEventListener('pointerdown', (event) => event.preventDefault());
  listbox.addEventListener('click', (event) => {
    const chosen = event.target.closest('[role="option"]');
    if (chosen) {
      window.location.assign(chosen.dataset.url);
    }
  });
  input.addEventListener('blur', close);
}

document.querySelectorAll('input[data-search-suggestions]').forEach(enhance);
