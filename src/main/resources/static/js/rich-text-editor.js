/*
 * The back-office's rich-text editor (CMS pages and blocks): our own small module, served
 * by the shop like every other script, so that it obeys the Content-Security-Policy and
 * needs nothing from another site.
 *
 * Progressive enhancement of a <textarea data-rich-text> holding HTML: without JavaScript
 * the textarea stays and its HTML is sent as typed. With JavaScript the textarea is hidden
 * behind an editing area (contenteditable, role="textbox") and a toolbar (role="toolbar",
 * one Tab stop, arrow keys between its buttons, aria-pressed on the formats that apply
 * where the caret is). "Source HTML" shows the textarea again. The area's HTML is copied
 * back into the textarea as the editor types and when the form is sent.
 *
 * The editor keeps only the tags the server's allow-list keeps (RichTextSanitizer), and
 * builds every node itself (it never parses HTML into the live page): what it shows is close
 * to what will be stored.
 * The server stays the authority: it sanitises whatever it receives, on save and on
 * display. Pasting inserts plain text only, so that no foreign HTML or style comes in.
 * Texts come from the message bundles, through the #editor-messages JSON block.
 */
const texts = JSON.parse(document.getElementById('editor-messages')?.textContent || '{}');

// Tags kept, as the server's allow-list keeps them (b and i become strong and em).
const KEPT = new Map([
  ['P', 'p'], ['BR', 'br'], ['H2', 'h2'], ['H3', 'h3'], ['H4', 'h4'], ['UL', 'ul'], ['OL', 'ol'], ['LI', 'li'],
  ['STRONG', 'strong'], ['B', 'strong'], ['EM', 'em'], ['I', 'em'], ['BLOCKQUOTE', 'blockquote'],
  ['ADDRESS', 'address'], ['A', 'a'], ['TABLE', 'table'], ['THEAD', 'thead'], ['TBODY', 'tbody'], ['TR', 'tr'],
  ['TH', 'th'], ['TD', 'td'], ['CAPTION', 'caption'],
]);

// Dropped with everything inside them: code, embedded objects, form controls, media.
const DROPPED = new Set([
  'SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'HEAD', 'TITLE',
  'META', 'LINK', 'BASE', 'FORM', 'INPUT', 'BUTTON', 'SELECT', 'TEXTAREA', 'IMG', 'PICTURE', 'VIDEO', 'AUDIO',
  'CANVAS',
]);

// Followed by a line break in the HTML source, to keep it readable.
const BLOCKS = new Set(['p', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote', 'address', 'table', 'thead', 'tbody',
  'tr', 'caption']);

// Elements that hold lines of text rather than sit inside one (node names as the DOM gives them).
const BLOCK_ELEMENTS = new Set(['P', 'H2', 'H3', 'H4', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'ADDRESS', 'TABLE', 'DIV']);

/** The same rule as the server: a page of the shop, an https site, an e-mail address or an anchor. */
function isAllowedLink(value) {
  const link = String(value ?? '').trim().toLowerCase();
  return (link.startsWith('/') && !link.startsWith('//')) || link.startsWith('https://')
    || link.startsWith('mailto:') || link.startsWith('#');
}

/** Copies the kept part of a parsed tree into new nodes of this page. */
function importNodes(source) {
  const nodes = [];
  for (const node of source.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      nodes.push(document.createTextNode(node.data));
    } else if (node.nodeType === Node.ELEMENT_NODE && !DROPPED.has(node.nodeName.toUpperCase())) {
      const tag = KEPT.get(node.nodeName.toUpperCase());
      if (!tag) {
        nodes.push(...importNodes(node)); // an unknown wrapper (div, span…): its content only
        continue;
      }
      const element = document.createElement(tag);
      if (tag === 'a' && isAllowedLink(node.getAttribute('href'))) {
        element.setAttribute('href', node.getAttribute('href').trim());
      }
      if (tag === 'th' && ['row', 'col'].includes(node.getAttribute('scope'))) {
        element.setAttribute('scope', node.getAttribute('scope'));
      }
      element.append(...importNodes(node));
      nodes.push(element);
    }
  }
  return nodes;
}

/**
 * Parses HTML into a separate, inert document: no script of it runs and nothing of it
 * loads. Event handlers and style attributes are renamed first (the editor drops them
 * anyway): they would not run either, but the browser would still report each one as
 * refused by the Content-Security-Policy.
 */
function parse(html) {
  const quiet = html.replace(/<[^>]*>/g, (tag) => tag.replace(/([\s/"'])(on[a-z]+|style)(\s*=)/gi, '$1data-$2$3'));
  return new DOMParser().parseFromString(quiet, 'text/html');
}

function escapeText(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text) {
  return escapeText(text).replace(/"/g, '&quot;');
}

/** Writes the kept part of the editing area as HTML. */
function serialize(parent) {
  let html = '';
  for (const node of parent.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      html += escapeText(node.data);
    } else if (node.nodeType === Node.ELEMENT_NODE && !DROPPED.has(node.nodeName.toUpperCase())) {
      const tag = KEPT.get(node.nodeName.toUpperCase());
      if (!tag || (tag === 'p' && [...node.children].some((child) => BLOCK_ELEMENTS.has(child.nodeName)))) {
        html += serialize(node); // an unknown wrapper, or a paragraph wrongly holding blocks: its content only
      } else if (tag === 'br') {
        html += '<br>';
      } else {
        let attributes = '';
        if (tag === 'a' && isAllowedLink(node.getAttribute('href'))) {
          attributes = ` href="${escapeAttribute(node.getAttribute('href').trim())}"`;
        } else if (tag === 'th' && ['row', 'col'].includes(node.getAttribute('scope'))) {
          attributes = ` scope="${node.getAttribute('scope')}"`;
        }
        html += `<${tag}${attributes}>${serialize(node)}</${tag}>${BLOCKS.has(tag) ? '\n' : ''}`;
      }
    }
  }
  return html;
}

function button(name, { pressed = false, dialog = false } = {}) {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = 'btn btn-sm btn-outline-primary';
  element.dataset.action = name;
  element.textContent = texts[name];
  if (pressed) {
    element.setAttribute('aria-pressed', 'false');
  }
  if (dialog) {
    element.setAttribute('aria-haspopup', 'dialog');
  }
  return element;
}

/*
 * The dialog asking for a link's address, one per page, built on first use. A <dialog>
 * opened with showModal() keeps the focus inside and closes with Escape.
 */
let linkDialog = null;

function openLinkDialog(currentUrl, onInsert, onClose) {
  if (!linkDialog) {
    linkDialog = createLinkDialog();
  }
  const { dialog, input } = linkDialog;
  linkDialog.onInsert = onInsert;
  linkDialog.onClose = onClose;
  input.value = currentUrl || '';
  showError(linkDialog, false);
  dialog.showModal();
  input.focus();
  input.select();
}

function showError({ input, error }, shown) {
  error.hidden = !shown;
  input.classList.toggle('is-invalid', shown);
  if (shown) {
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', 'rte-link-help rte-link-error');
  } else {
    input.removeAttribute('aria-invalid');
    input.setAttribute('aria-describedby', 'rte-link-help');
  }
}

/** A new element with its properties set (type, id, className, textContent...). */
function create(tag, properties = {}) {
  return Object.assign(document.createElement(tag), properties);
}

function createLinkDialog() {
  const dialog = create('dialog', { className: 'rte-dialog' });
  dialog.setAttribute('aria-labelledby', 'rte-link-title');
  const form = create('form', { method: 'dialog', noValidate: true, className: 'stack' });
  const title = create('h2', { id: 'rte-link-title', className: 'h5', textContent: texts.linkTitle });
  const label = create('label', { htmlFor: 'rte-link-url', className: 'form-label', textContent: texts.linkUrl });
  const input = create('input', {
    type: 'text', id: 'rte-link-url', className: 'form-control', inputMode: 'url', autocomplete: 'off',
    spellcheck: false,
  });
  const help = create('p', { id: 'rte-link-help', className: 'form-text', textContent: texts.linkHelp });
  const error = create('p', {
    // No Bootstrap « d-block »: its « display: block !important » would beat the hidden
    // attribute, and the dialog would open with its error already shown.
    id: 'rte-link-error', className: 'invalid-feedback rte-dialog__error', textContent: texts.linkInvalid,
  });
  const field = create('div');
  field.append(label, input, help, error);
  const insert = create('button', { type: 'submit', className: 'btn btn-primary', textContent: texts.linkInsert });
  const cancel = create('button', { type: 'button', className: 'btn btn-outline-primary', textContent: texts.cancel });
  const actions = create('div', { className: 'rte-dialog__actions' });
  actions.append(insert, cancel);
  form.append(title, field, actions);
  dialog.append(form);
  // Outside the page's form: a form may not contain another one.
  document.body.append(dialog);

  const parts = { dialog, input, error, onInsert: null, onClose: null };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = input.value.trim();
    if (!isAllowedLink(url)) {
      showError(parts, true);
      input.focus();
      return;
    }
    dialog.close('insert');
    parts.onInsert?.(url);
  });
  cancel.addEventListener('click', () => dialog.close('cancel'));
  dialog.addEventListener('close', () => parts.onClose?.(dialog.returnValue === 'insert'));
  return parts;
}

/**
 * The lines of inline content (text, bold, links…) of a block, in order: one for a
 * paragraph or a heading, one per item for a list. Lines of blank text only are dropped.
 */
function inlineRuns(element) {
  const runs = [];
  let current = [];
  const flush = () => {
    if (current.some((node) => node.nodeType !== Node.TEXT_NODE || node.data.trim() !== '')) {
      runs.push(current);
    }
    current = [];
  };
  for (const child of [...element.childNodes]) {
    if (child.nodeType === Node.ELEMENT_NODE && BLOCK_ELEMENTS.has(child.nodeName)) {
      flush();
      runs.push(...inlineRuns(child));
    } else {
      current.push(child);
    }
  }
  flush();
  return runs;
}

/** Replaces a block by blocks of another kind holding the same content (a list gives one per item). */
function retag(block, tag) {
  const runs = inlineRuns(block);
  if (runs.length === 0) {
    runs.push([document.createElement('br')]);
  }
  const replacements = runs.map((nodes) => {
    const element = document.createElement(tag);
    element.append(...nodes);
    return element;
  });
  block.replaceWith(...replacements);
  return replacements;
}

function enhance(textarea) {
  const label = document.querySelector(`label[for="${CSS.escape(textarea.id)}"]`);
  if (label && !label.id) {
    label.id = `${textarea.id}-label`;
  }

  const region = document.createElement('div');
  region.id = `${textarea.id}-editor`;
  region.className = 'form-control rte-region';
  region.contentEditable = 'true';
  region.spellcheck = true;
  region.setAttribute('role', 'textbox');
  region.setAttribute('aria-multiline', 'true');
  if (label) {
    region.setAttribute('aria-labelledby', label.id);
  }
  for (const name of ['aria-describedby', 'aria-invalid']) {
    if (textarea.hasAttribute(name)) {
      region.setAttribute(name, textarea.getAttribute(name));
    }
  }
  region.classList.toggle('is-invalid', textarea.classList.contains('is-invalid'));

  const toolbar = document.createElement('div');
  toolbar.className = 'rte-toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', texts.toolbar);
  toolbar.setAttribute('aria-controls', region.id);

  // Each action: how to run it, and when its button shows as pressed (aria-pressed).
  const actions = {
    paragraph: { run: () => setBlock('p'), active: (tags) => tags.has('P') },
    heading2: { run: () => setBlock('h2'), active: (tags) => tags.has('H2') },
    heading3: { run: () => setBlock('h3'), active: (tags) => tags.has('H3') },
    bold: { run: () => command('bold'), active: (tags) => tags.has('STRONG') || tags.has('B') },
    italic: { run: () => command('italic'), active: (tags) => tags.has('EM') || tags.has('I') },
    bulletList: { run: () => toggleList('UL'), active: (tags) => tags.has('UL') },
    numberedList: { run: () => toggleList('OL'), active: (tags) => tags.has('OL') },
    quote: { run: () => setBlock('blockquote'), active: (tags) => tags.has('BLOCKQUOTE') },
    link: { run: () => askLink() },
    unlink: { run: () => command('unlink') },
    source: { run: () => showSource(region.hidden === false) },
  };
  const buttons = Object.entries(actions).map(([name, action]) => button(name, {
    pressed: Boolean(action.active) || name === 'source',
    dialog: name === 'link',
  }));
  const sourceButton = buttons.find((element) => element.dataset.action === 'source');
  toolbar.append(...buttons);

  let savedRange = null;

  function sync() {
    // An area left with empty paragraphs only holds no content.
    textarea.value = region.textContent.trim() === '' ? '' : serialize(region).trim();
  }

  function render(html) {
    region.replaceChildren(...importNodes(parse(html).body));
    if (region.childNodes.length === 0) {
      const paragraph = document.createElement('p');
      paragraph.append(document.createElement('br'));
      region.append(paragraph);
    }
  }

  function restoreSelection() {
    region.focus();
    if (savedRange) {
      const selection = document.getSelection();
      selection.removeAllRanges();
      selection.addRange(savedRange);
    }
  }

  /** Bold, italic and unlink: inline changes, which every browser's editing commands do alike. */
  function command(name) {
    restoreSelection();
    document.execCommand(name, false, null);
    sync();
    updateState();
  }

  /*
   * Paragraphs, headings, quotes and lists are changed here rather than by
   * document.execCommand, whose results differ between browsers (lists inside paragraphs,
   * quotes inside quotes, style attributes that the Content-Security-Policy refuses).
   */

  /** The blocks of the area the selection touches; loose text is first put in a paragraph. */
  function selectedBlocks() {
    let paragraph = null;
    for (const child of [...region.childNodes]) {
      const loose = child.nodeType === Node.TEXT_NODE ? child.data.trim() !== ''
        : child.nodeType === Node.ELEMENT_NODE && !BLOCK_ELEMENTS.has(child.nodeName);
      if (loose) {
        if (!paragraph) {
          paragraph = document.createElement('p');
          child.before(paragraph);
        }
        paragraph.append(child);
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        paragraph = null;
      }
    }
    const selection = document.getSelection();
    const range = selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
    const blocks = range ? [...region.children].filter((child) => range.intersectsNode(child)) : [];
    return (blocks.length > 0 || !region.lastElementChild) ? blocks : [region.lastElementChild];
  }

  /** Runs a change of blocks, then puts the caret back where it was (or after the change). */
  function keepingSelection(change) {
    restoreSelection();
    const selection = document.getSelection();
    const range = selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
    const start = range && [range.startContainer, range.startOffset];
    const end = range && [range.endContainer, range.endOffset];
    const changed = change(selectedBlocks());
    const restored = document.createRange();
    try {
      if (!start || !region.contains(start[0]) || !region.contains(end[0])) {
        throw new RangeError('selection moved');
      }
      restored.setStart(...start);
      restored.setEnd(...end);
    } catch {
      restored.selectNodeContents(changed.at(-1) ?? region);
      restored.collapse(false);
    }
    selection.removeAllRanges();
    selection.addRange(restored);
    savedRange = restored.cloneRange();
    sync();
    updateState();
  }

  /** Makes the selected blocks paragraphs, headings or quotes; applied again, paragraphs. */
  function setBlock(tag) {
    keepingSelection((blocks) => {
      const changeable = blocks.filter((block) => block.nodeName !== 'TABLE');
      const again = tag !== 'p' && changeable.length > 0
        && changeable.every((block) => block.nodeName === tag.toUpperCase());
      return changeable.flatMap((block) => retag(block, again ? 'p' : tag));
    });
  }

  /** Makes the selected blocks one list, one item per line; applied again, paragraphs. */
  function toggleList(tag) {
    keepingSelection((blocks) => {
      const changeable = blocks.filter((block) => block.nodeName !== 'TABLE');
      if (changeable.length === 0) {
        return [];
      }
      if (changeable.every((block) => block.nodeName === tag)) {
        return changeable.flatMap((block) => retag(block, 'p'));
      }
      const list = document.createElement(tag.toLowerCase());
      for (const run of changeable.flatMap(inlineRuns)) {
        const item = document.createElement('li');
        item.append(...run);
        list.append(item);
      }
      if (!list.firstChild) {
        const item = document.createElement('li');
        item.append(document.createElement('br'));
        list.append(item);
      }
      changeable[0].before(list);
      changeable.forEach((block) => block.remove());
      return [list];
    });
  }

  function currentTags() {
    const tags = new Set();
    const selection = document.getSelection();
    let node = selection.rangeCount > 0 ? selection.anchorNode : null;
    if (!node || !region.contains(node)) {
      return tags;
    }
    for (; node && node !== region; node = node.parentNode) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        tags.add(node.nodeName.toUpperCase());
      }
    }
    return tags;
  }

  function currentLink() {
    const selection = document.getSelection();
    const node = selection.rangeCount > 0 ? selection.anchorNode : null;
    const element = node?.nodeType === Node.ELEMENT_NODE ? node : node?.parentElement;
    const link = element?.closest('a');
    return link && region.contains(link) ? link : null;
  }

  function updateState() {
    const tags = currentTags();
    for (const element of buttons) {
      const action = actions[element.dataset.action];
      if (action.active) {
        element.setAttribute('aria-pressed', String(action.active(tags)));
      }
    }
  }

  function askLink() {
    restoreSelection();
    const existing = currentLink();
    openLinkDialog(existing?.getAttribute('href'), (url) => {
      restoreSelection();
      const link = currentLink();
      const selection = document.getSelection();
      if (link) {
        link.setAttribute('href', url);
      } else if (selection.rangeCount > 0 && !selection.isCollapsed) {
        document.execCommand('createLink', false, url);
      } else if (selection.rangeCount > 0) {
        // Nothing selected: the address itself becomes the link's text.
        const anchor = document.createElement('a');
        anchor.setAttribute('href', url);
        anchor.textContent = url;
        const range = selection.getRangeAt(0);
        range.insertNode(anchor);
        range.setStartAfter(anchor);
        range.collapse(true);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      sync();
      updateState();
    }, (inserted) => {
      if (!inserted) {
        restoreSelection();
      }
    });
  }

  /** Shows the HTML source in the textarea, or back to the editing area. */
  function showSource(shown) {
    if (shown) {
      sync();
    } else {
      render(textarea.value);
    }
    textarea.hidden = !shown;
    region.hidden = shown;
    sourceButton.setAttribute('aria-pressed', String(shown));
    for (const element of buttons) {
      if (element !== sourceButton) {
        element.disabled = shown;
      }
    }
    if (shown) {
      roving(sourceButton);
    }
    (shown ? textarea : region).focus();
  }

  // One Tab stop for the whole toolbar; the arrow keys, Home and End move between buttons.
  function roving(target) {
    for (const element of buttons) {
      element.tabIndex = element === target ? 0 : -1;
    }
  }

  toolbar.addEventListener('keydown', (event) => {
    const enabled = buttons.filter((element) => !element.disabled);
    const index = enabled.indexOf(document.activeElement);
    if (index < 0) {
      return;
    }
    const target = {
      ArrowRight: enabled[(index + 1) % enabled.length],
      ArrowLeft: enabled[(index - 1 + enabled.length) % enabled.length],
      Home: enabled[0],
      End: enabled[enabled.length - 1],
    }[event.key];
    if (target) {
      event.preventDefault();
      roving(target);
      target.focus();
    }
  });
  toolbar.addEventListener('focusin', (event) => {
    if (buttons.includes(event.target)) {
      roving(event.target);
    }
  });
  // A click on a button must not take the selection away from the editing area.
  toolbar.addEventListener('mousedown', (event) => {
    if (event.target.closest('button')) {
      event.preventDefault();
    }
  });
  toolbar.addEventListener('click', (event) => {
    const element = event.target.closest('button');
    if (element && !element.disabled) {
      actions[element.dataset.action].run();
    }
  });

  document.addEventListener('selectionchange', () => {
    const selection = document.getSelection();
    if (selection.rangeCount > 0 && region.contains(selection.anchorNode)) {
      savedRange = selection.getRangeAt(0).cloneRange();
      updateState();
    }
  });
  region.addEventListener('input', sync);
  // Plain text only: the clipboard's HTML would bring styles and tags from elsewhere.
  region.addEventListener('paste', (event) => {
    event.preventDefault();
    const text = event.clipboardData?.getData('text/plain') ?? '';
    document.execCommand('insertText', false, text);
  });
  // Dragging HTML in would bypass that rule: copy and paste instead.
  region.addEventListener('drop', (event) => event.preventDefault());
  label?.addEventListener('click', () => {
    if (!region.hidden) {
      region.focus();
    }
  });
  textarea.form?.addEventListener('submit', () => {
    if (!region.hidden) {
      sync();
    }
  });

  render(textarea.value);
  roving(buttons[0]);
  textarea.hidden = true;
  textarea.before(toolbar, region);
}

const fields = document.querySelectorAll('textarea[data-rich-text]');
if (fields.length > 0) {
  // New paragraphs are <p> (not <div>), and bold is <b> rather than a style attribute.
  document.execCommand('defaultParagraphSeparator', false, 'p');
  document.execCommand('styleWithCSS', false, false);
  fields.forEach(enhance);
}
