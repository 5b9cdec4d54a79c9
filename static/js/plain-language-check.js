// The lesson editor's plain-language panel, kept up to date as the editor writes: after a
// pause in typing, the form as it stands is sent to the panel's check address (the server runs
// education.readability on it, nothing is saved) and the panel is replaced by the answer.
// Without JavaScript the panel still shows the check of the saved draft.
(function () {
  "use strict";
  var PAUSE_MS = 1200;

  function start() {
    var panel = document.querySelector("[data-readability-url]");
    if (!panel) return;
    var form = panel.closest("form");
    if (!form) return;
    var url = panel.getAttribute("data-readability-url");
    var timer = null;
    var running = false;
    var again = false;

    function check() {
      if (running) {
        again = true;
        return;
      }
      running = true;
      fetch(url, {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        headers: { "X-Requested-With": "XMLHttpRequest" },
      })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (data) {
          if (!data || !data.is_valid || !data.html) return;
          var current = document.querySelector("[data-readability-url]");
          if (!current) return;
          var holder = document.createElement("div");
          holder.innerHTML = data.html;
          var fresh = holder.firstElementChild;
          if (fresh) current.replaceWith(fresh);
        })
        .catch(function () {
          // Offline or a server error: keep showing the last check.
        })
        .finally(function () {
          running = false;
          if (again) {
            again = false;
            check();
          }
        });
    }

    function later() {
      window.clearTimeout(timer);
      timer = window.setTimeout(check, PAUSE_MS);
    }

    ["input", "change", "keyup"].forEach(function (name) {
      form.addEventListener(name, later);
    });
    // Draftail writes its hidden input without an input event; the preview panel's own
    // update event (Wagtail 6+) tells us the form changed too.
    document.addEventListener("w-preview:loaded", later);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
