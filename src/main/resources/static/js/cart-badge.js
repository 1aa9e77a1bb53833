/*
 * The cart badge of the header, updated from a cart summary of the JSON API.
 */
export function showCartCount(summary) {
  for (const count of document.querySelectorAll('[data-cart-count]')) {
    count.textContent = String(summary.itemCount);
  }
  for (const label of document.querySelectorAll('[data-cart-count-label]')) {
    label.textContent = summary.itemCountLabel;
  }
}
