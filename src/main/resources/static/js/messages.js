/*
 * Texts the scripts show, taken from the page (the layout writes them from the message
 * bundles as JSON, in the visitor's language): no French or English is written in a script.
 */
export const messages = JSON.parse(document.getElementById('ui-messages')?.textContent || '{}');

/** Replaces {0}, {1}… in a message with the given values. */
export function format(template, ...values) {
  return String(template ?? '').replace(/\{(\d)\}/g, (placeholder, index) => String(values[index] ?? placeholder));
}
