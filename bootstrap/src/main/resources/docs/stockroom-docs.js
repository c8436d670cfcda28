// Swagger UI on this service's own document; no script or style from anywhere else (the page's
// Content-Security-Policy allows only its own), and no online validator.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    docExpansion: "list",
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
};
