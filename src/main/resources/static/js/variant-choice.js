/*
 * Choosing a variant (« déclinaison ») on a product page. Without JavaScript the choice is
 * a form sent by GET: « Afficher cette déclinaison » reloads the page on ?variant=….
 * With it, picking a radio button changes at once what depends on the variant: price,
 * stock badge, reference, pictures, the variant the cart form adds, the quantity allowed,
 * and the address (replaceState: the page can be shared or reloaded as it is). A polite
 * live region says what changed, for those who do not see it.
 */
import { format, messages } from './messages.js';

const choice = document.querySelector('form[data-variant-choice]');

function show(radio) {
  const stock = Number(radio.dataset.stock);
  const price = radio.labels[0].querySelector('.variant-choice__price').textContent;
  document.querySelector('[data-variant-price]').textContent = price;
  const badge = document.querySelector('[data-variant-stock] .badge-stock');
  badge.textContent = radio.dataset.stockLabel;
  badge.classList.remove('badge-stock--in', 'badge-stock--low', 'badge-stock--out');
  badge.classList.add(`badge-stock--${radio.dataset.stockLevel}`);
  document.querySelector('[data-variant-sku]').textContent = radio.dataset.sku;

  const cart = document.querySelector('form[data-add-to-cart]');
  cart.hidden = stock === 0;
  cart.elements.namedItem('variantId').value = radio.value;
  const quantity = cart.elements.namedItem('quantity');
  quantity.max = String(Math.min(Math.max(stock, 1), 99));
  if (Number(quantity.value) > Number(quantity.max)) {
    quantity.value = quantity.max;
  }
  document.querySelector('[data-variant-unavailable]').hidden = stock > 0;

  document.querySelectorAll('[data-variant-image]').forEach((element) => {
    element.hidden = element.dataset.variantImage !== '' && element.dataset.variantImage !== radio.value;
  });
  document.querySelector('.gallery')?.dispatchEvent(new CustomEvent('gallery:refresh'));

  history.replaceState(history.state, '', radio.dataset.url);
  choice.querySelector('[data-variant-status]').textContent =
    format(messages.variantShown, radio.dataset.label, price, radio.dataset.stockLabel);
}

if (choice) {
  choice.querySelector('[data-variant-show]').hidden = true;
  choice.addEventListener('change', (event) => {
    if (event.target.matches('input[name="variant"]')) {
      show(event.target);
    }
  });
}
