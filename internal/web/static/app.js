// duban's page behaviour: confirmation dialogs, the user menu, and a notice
// when an htmx request fails. Everything works without this file; it only
// adds the safety net and comfort. No inline script is allowed by the
// content security policy, so all of it lives here.
(function () {
  "use strict";

  // Forms with data-confirm ask before submitting, in a styled <dialog>
  // rather than window.confirm. The listener runs in the capture phase so
  // it sees the submit before htmx does and can hold it back.
  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (!(form instanceof HTMLFormElement) || !form.dataset.confirm) return;
    if (form.dataset.confirmed === "1") {
      delete form.dataset.confirmed;
      return;
    }
    var dialog = document.getElementById("confirm-dialog");
    if (!dialog || typeof dialog.showModal !== "function") {
      if (!window.confirm(form.dataset.confirm)) {
        ev.preventDefault();
        ev.stopImmediatePropagation();
      }
      return;
    }
    ev.preventDefault();
    ev.stopImmediatePropagation();
    var submitter = ev.submitter;
    document.getElementById("confirm-text").textContent = form.dataset.confirm;
    dialog.returnValue = "";
    dialog.addEventListener("close", function onClose() {
      dialog.removeEventListener("close", onClose);
      if (dialog.returnValue !== "ok") return;
      form.dataset.confirmed = "1";
      if (typeof form.requestSubmit === "function") {
        form.requestSubmit(submitter || undefined);
      } else {
        form.submit();
      }
    });
    dialog.showModal();
  }, true);

  // The user menu is a <details>; close it on a click elsewhere or Escape.
  document.addEventListener("click", function (ev) {
    document.querySelectorAll("details.usermenu[open]").forEach(function (d) {
      if (!d.contains(ev.target)) d.removeAttribute("open");
    });
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "Escape") return;
    document.querySelectorAll("details.usermenu[open]").forEach(function (d) {
      d.removeAttribute("open");
      d.querySelector("summary").focus();
    });
  });

  // The language links are rendered for the page's URL; after an htmx
  // request pushed a new one (audit filters), point them at it instead.
  // A link the server aimed elsewhere (after a POST) is left alone.
  document.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest("a.lang[hreflang]");
    if (!a) return;
    var link = new URL(a.href, location.href);
    if (link.pathname !== location.pathname) return;
    var here = new URL(location.href);
    here.searchParams.set("lang", a.hreflang);
    a.href = here.pathname + here.search;
  });

  // htmx leaves the page as it was when a request fails (403, 500, network);
  // say so instead of letting a click seem to do nothing.
  var hideTimer;
  function showRequestError() {
    var el = document.getElementById("request-error");
    if (!el) return;
    el.hidden = false;
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () { el.hidden = true; }, 6000);
  }
  document.addEventListener("htmx:responseError", showRequestError);
  document.addEventListener("htmx:sendError", showRequestError);
})();
