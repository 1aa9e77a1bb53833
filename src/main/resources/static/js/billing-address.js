/*
 * The billing address of the checkout. Without JavaScript its fields are always shown and
 * only count when « Identique à l'adresse de livraison » is unticked. With it, they are
 * hidden and disabled (neither checked nor sent) while the box is ticked, and appear as
 * soon as it is unticked.
 */
const same = document.querySelector('[data-billing-same]');
const fields = document.querySelector('[data-billing-fields]');

function follow() {
  fields.hidden = same.checked;
  fields.querySelectorAll('input, select').forEach((field) => {
    field.disabled = same.checked;
  });
}

if (same && fields) {
  same.addEventListener('change', follow);
  follow();
}
