/*
 * While a large CSV file is sent and checked (a few seconds for thousands of lines), the
 * page says so: a progress bar and a status message, instead of a page that seems stuck.
 */
const form = document.querySelector('form[data-import-form]');
if (form) {
  form.addEventListener('submit', () => {
    const progress = form.querySelector('[data-import-progress]');
    progress.hidden = false;
    form.setAttribute('aria-busy', 'true');
  });
}
