/*
 * Add to cart without leaving the page. The form still posts to /cart/lines and redirects
 * to the cart when JavaScript is off; with it, the same data goes to the JSON API, the
 * header badge is updated and a message says what happened (limited to the stock, sold
 * out…). If the server cannot be reached, the form is submitted the classic way.
 */
import { ApiError, callApi } from './api.js';
import { showCartCount } from './cart-badge.js';
import { messages } from './messages.js';
import { announce } from './toast.js';

document.addEventListener('submit', async (event) => {
  const form = event.target.closest('form[data-add-to-cart]');
  if (!form || event.defaultPrevented) {
    return;
  }
  event.preventDefault();
  if (form.getAttribute('aria-busy') === 'true') {
    return; // a second click while the first is on its way
  }
  // The button stays enabled (disabling it would drop the keyboard focus).
  const quantity = form.elements.namedItem('quantity');
  form.setAttribute('aria-busy', 'true');
  try {
    const summary = await callApi(form.dataset.api, {
      method: 'POST',
      form,
      body: {
        variantId: Number(form.elements.namedItem('variantId').value),
        quantity: quantity ? Number(quantity.value) : 1,
      },
    });
    showCartCount(summary);
    // Cut to the stock: a warning, read at once (RGAA 7.5).
    announce(summary.message, {
      tone: summary.limited ? 'warning' : 'success',
      link: { href: form.dataset.cartUrl, text: messages.viewCart },
    });
  } catch (error) {
    if (error instanceof ApiError && error.status === 0) {
      form.submit();
      return;
    }
    announce(error.message, { tone: 'warning' });
  } finally {
    form.removeAttribute('aria-busy');
  }
});
