// The review desk with the keyboard: a accept, r reject, s skip, e edit, j/k next and previous, u undo.
// Each key presses the desk's own button for that action, so the keys and the buttons do the same thing,
// and every form is sent with fetch: the server answers with the desk's HTML, swapped in place.
(function () {
  "use strict";
  const desk = document.getElementById("desk");
  if (!desk || !window.fetch) return;
  let busy = false;

  function swap(html, url) {
    desk.innerHTML = html;
    if (url) history.replaceState(null, "", url);
    const first = desk.querySelector(".edit-form textarea, .edit-form input:not([type=hidden])");
    if (first) first.focus();
    const current = desk.querySelector("a.proposed.current");
    if (current) current.scrollIntoView({ block: "nearest" });
  }

  async function send(url, options) {
    if (busy) return;
    busy = true;
    try {
      const response = await fetch(url, { ...options, headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" });
      swap(await response.text(), response.headers.get("X-Review-Url"));
    } catch (error) {
      window.location.assign(url);  // the network failed: let the browser try the plain way
    } finally {
      busy = false;
    }
  }

  desk.addEventListener("submit", function (event) {
    const form = event.target;
    event.preventDefault();
    const button = event.submitter;
    const data = new FormData(form);
    if (button && button.name) data.set(button.name, button.value);
    // getAttribute: a field named "action" shadows form.action.
    const url = form.getAttribute("action") || window.location.pathname;
    if ((form.getAttribute("method") || "get").toLowerCase() === "get") {
      send(url + "?" + new URLSearchParams(data).toString(), { method: "GET" });
    } else {
      send(url, { method: "POST", body: data });
    }
  });

  desk.addEventListener("click", function (event) {
    const link = event.target.closest("a.proposed, a[data-cancel]");
    if (!link) return;
    event.preventDefault();
    send(link.href, { method: "GET" });
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target.closest && target.closest("input, textarea, select, [contenteditable]")) {
      if (event.key === "Escape") {
        const cancel = desk.querySelector("a[data-cancel]");
        if (cancel) cancel.click();
      }
      return;
    }
    const button = desk.querySelector('button[data-key="' + event.key + '"]:not([disabled])');
    if (!button) return;
    event.preventDefault();
    button.click();
  });
})();
