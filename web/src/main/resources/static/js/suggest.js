// Suggestions while typing in the search box, and sorting as soon as an order is chosen. The page
// works without this script: the search form submits, the sort button sorts.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });

  var input = document.querySelector("input[data-suggest]");
  if (!input) { return; }
  var list = document.getElementById(input.getAttribute("aria-controls"));
  var endpoint = input.getAttribute("data-suggest");
  var timer = null;
  var asked = 0;
  var active = -1;

  function close() {
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function choose(suggestion) {
    if (suggestion.href) {
      window.location.assign(suggestion.href);
    } else {
      input.value = suggestion.text;
      close();
      input.form.submit();
    }
  }

  function show(suggestions) {
    list.replaceChildren();
    active = -1;
    suggestions.forEach(function (suggestion, i) {
      var item = document.createElement("li");
      item.id = "q-suggestion-" + i;
      item.setAttribute("role", "option");
      item.className = "suggestion suggestion-" + suggestion.kind;
      var text = document.createElement("span");
      text.textContent = suggestion.text;
      var kind = document.createElement("span");
      kind.className = "suggestion-kind";
      kind.textContent = input.getAttribute("data-kind-" + suggestion.kind) || "";
      item.append(text, kind);
      item.addEventListener("mousedown", function (event) {
        event.preventDefault();
        choose(suggestion);
      });
      item.suggestion = suggestion;
      list.appendChild(item);
    });
    list.hidden = suggestions.length === 0;
    input.setAttribute("aria-expanded", suggestions.length > 0 ? "true" : "false");
  }

  function move(step) {
    var items = list.querySelectorAll("li");
    if (items.length === 0) { return; }
    if (active >= 0) { items[active].removeAttribute("aria-selected"); }
    active = (active + step + items.length) % items.length;
    items[active].setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", items[active].id);
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    var text = input.value.trim();
    if (text.length < 2) { close(); return; }
    timer = setTimeout(function () {
      var ticket = ++asked;
      fetch(endpoint + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (suggestions) { if (ticket === asked) { show(suggestions); } })
        .catch(close);
    }, 150);
  });

  input.addEventListener("keydown", function (event) {
    if (list.hidden) { return; }
    if (event.key === "ArrowDown") { event.preventDefault(); move(1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); move(-1); }
    else if (event.key === "Escape") { close(); }
    else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      choose(list.querySelectorAll("li")[active].suggestion);
    }
  });

  input.addEventListener("blur", function () { setTimeout(close, 100); });
})();
