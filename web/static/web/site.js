// Progressive enhancement only: the page works without it.
// - the filter form leaves its empty fields out of the address, so a shared link stays short;
// - "Open every explanation" / "Close them" for the <details> on the page;
// - an entry named in the address (#event-12) has its explanations opened and is focused.
(function () {
  "use strict";
  var form = document.querySelector(".filter-form");
  if (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("input, select").forEach(function (field) {
        if (!field.value) field.disabled = true;
      });
    });
  }

  var entries = document.querySelector(".entries");
  if (entries && entries.querySelector("details")) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "toggle-details";
    button.textContent = "Open every explanation";
    button.setAttribute("aria-pressed", "false");
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-pressed") !== "true";
      document.querySelectorAll("main details").forEach(function (d) { d.open = open; });
      button.setAttribute("aria-pressed", String(open));
      button.textContent = open ? "Close every explanation" : "Open every explanation";
    });
    var heading = entries.querySelector("h2");
    heading.insertAdjacentElement("afterend", button);
  }

  function showTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target || !target.classList.contains("entry")) return;
    target.querySelectorAll("details.explanation").forEach(function (d) { d.open = true; });
    target.setAttribute("tabindex", "-1");
    target.focus();
  }
  window.addEventListener("hashchange", showTarget);
  showTarget();
})();
