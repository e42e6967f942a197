/**
 * docs-init.js: starts the vendored Swagger UI on /docs. It lives in a file, not an inline
 * script, because the Content-Security-Policy allows scripts from the app's own files only.
 * validatorUrl null: the online validator badge would call an outside host.
 */
/* global SwaggerUIBundle */
window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  layout: "BaseLayout",
  deepLinking: true,
  showExtensions: true,
  showCommonExtensions: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
});
