/*
 * Light or dark theme. The layout's first script already applied the visitor's choice, or
 * their system's preference (prefers-color-scheme); this button switches and remembers the
 * choice in localStorage (a preference, not a tracker: no consent needed). Without a choice,
 * the page follows the system when it changes. A chosen theme also colours the phone's
 * address bar (the theme-color meta tags, which otherwise follow the system's scheme).
 * There are two buttons: the header's, and on a phone the menu's (the header keeps one row).
 */
const KEY = 'comptoir-theme';
const root = document.documentElement;
const system = matchMedia('(prefers-color-scheme: dark)');

function stored() {
  try {
    return localStorage.getItem(KEY);
  } catch (error) {
    return null;
  }
}

const buttons = document.querySelectorAll('[data-theme-toggle]');

function apply(theme) {
  root.dataset.bsTheme = theme;
  buttons.forEach((button) => button.setAttribute('aria-pressed', String(theme === 'dark')));
}

/** The bars take the header's colour in the chosen theme. */
function paintBars() {
  const header = document.querySelector('.site-header');
  if (!header || !stored()) {
    return;
  }
  const colour = getComputedStyle(header).backgroundColor;
  document.querySelectorAll('meta[name="theme-color"]').forEach((meta) => {
    meta.content = colour;
  });
}

apply(root.dataset.bsTheme === 'dark' ? 'dark' : 'light');
buttons.forEach((button) => {
  button.hidden = false;
  button.addEventListener('click', () => {
    const theme = root.dataset.bsTheme === 'dark' ? 'light' : 'dark';
    apply(theme);
    try {
      localStorage.setItem(KEY, theme);
    } catch (error) {
      // Private browsing may refuse storage: the theme still applies to this page.
    }
    paintBars();
  });
});
paintBars();
system.addEventListener('change', (event) => {
  if (!stored()) {
    apply(event.matches ? 'dark' : 'light');
  }
});
