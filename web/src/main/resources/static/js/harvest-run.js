// Follows an active run: fetches this page again every second and puts its progress in place; once
// the run has ended, reloads the page for its final state and actions. Without this script the page
// refreshes itself (a meta refresh in a noscript).
(function () {
  "use strict";
  var main = document.querySelector("main[data-run-active]");
  if (!main) { return; }
  function poll() {
    fetch(window.location.href, { headers: { Accept: "text/html" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        if (!page.querySelector("main[data-run-active]")) { window.location.reload(); return; }
        var status = document.getElementById("run-status");
        var next = page.getElementById("run-status");
        if (status.textContent !== next.textContent) { status.textContent = next.textContent; }
        document.getElementById("run-live").replaceWith(page.getElementById("run-live"));
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();
