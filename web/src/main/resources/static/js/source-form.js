// Shows only the credential fields of the type chosen. Without this script every group shows,
// each under the name of its type, and only the chosen type's fields count.
(function () {
  "use strict";
  var type = document.getElementById("credentialType");
  if (!type) { return; }
  function show() {
    document.querySelectorAll("[data-credentials]").forEach(function (group) {
      group.hidden = group.getAttribute("data-credentials") !== type.value;
    });
  }
  type.addEventListener("change", show);
  show();
  var problems = document.getElementById("form-problems");
  if (problems) { problems.focus(); }
})();
