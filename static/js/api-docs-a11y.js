"use strict";
// Swagger UI (the developers' page at /api/docs/) leaves some controls it draws without an
// accessible name, and its scrollable code samples out of the keyboard's reach (axe:
// select-name, label, scrollable-region-focusable). Mend each as it appears.
(function () {
  const mend = (root) => {
    root.querySelectorAll("select:not([aria-label])").forEach((select) => {
      const row = select.closest("tr[data-param-name]");
      const wrapper = select.closest("[class*='content-type'], .response-controls, .servers");
      const name = row
        ? row.dataset.paramName
        : wrapper && wrapper.textContent.trim()
          ? wrapper.textContent.trim().split("\n")[0]
          : "Choice";
      select.setAttribute("aria-label", name);
    });
    root.querySelectorAll(
      "input:not([aria-label]):not([type=hidden]), textarea:not([aria-label])",
    ).forEach((field) => {
      if (field.labels && field.labels.length) return;
      const row = field.closest("tr[data-param-name]");
      const name = row
        ? row.dataset.paramName
        : field.classList.contains("body-param__text")
          ? "Request body"
          : field.placeholder || "Value";
      field.setAttribute("aria-label", name);
    });
    root.querySelectorAll(".microlight:not([tabindex]), .highlight-code pre:not([tabindex])")
      .forEach((block) => {
        block.setAttribute("tabindex", "0");
        if (!block.hasAttribute("aria-label")) block.setAttribute("aria-label", "Example");
      });
  };
  const start = () => {
    const root = document.getElementById("swagger-ui");
    if (!root) return;
    mend(root);
    new MutationObserver(() => mend(root)).observe(root, { childList: true, subtree: true });
  };
  document.addEventListener("DOMContentLoaded", start);
})();
