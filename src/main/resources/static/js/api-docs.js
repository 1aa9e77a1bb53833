/*
 * Starts Swagger UI (its bundle is loaded just before, from its WebJar) on the REST API's
 * contract. A plain file rather than an inline script, so that the shop's
 * Content-Security-Policy needs no exception for this page.
 */
const root = document.querySelector('[data-api-docs]');
if (root && window.SwaggerUIBundle) {
  window.SwaggerUIBundle({ url: root.dataset.url, domNode: root, deepLinking: false });
}
