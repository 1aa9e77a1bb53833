/*
 * Off-canvas main menu on small screens.
 * Bootstrap turns the menu into a dialog (role="dialog") when it opens; a dialog needs an
 * accessible name, but a plain <div> may not carry aria-labelledby while it is an ordinary
 * part of the page (desktop). So the name is given only while the menu is a dialog.
 */
for (const menu of document.querySelectorAll('[data-dialog-labelledby]')) {
  menu.addEventListener('show.bs.offcanvas', () => {
    menu.setAttribute('aria-labelledby', menu.dataset.dialogLabelledby);
  });
  menu.addEventListener('hidden.bs.offcanvas', () => {
    menu.removeAttribute('aria-labelledby');
  });
}
