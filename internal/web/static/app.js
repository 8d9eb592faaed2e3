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

  // Upload forms (data-busy) say the file is being parsed: a plain post
  // of a large document shows nothing for a while otherwise. The button
  // is disabled after the submit has been taken, so its value still goes.
  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-busy") || ev.defaultPrevented) return;
    var busy = form.querySelector(".busy");
    if (busy) busy.hidden = false;
    setTimeout(function () {
      form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = true; });
    }, 0);
  });

  // File inputs with data-max-size list the chosen files with their sizes
  // and mark those over the limit before anything is sent.
  function formatSize(n) {
    if (n >= 1048576) return (n / 1048576).toFixed(1) + " MB";
    return Math.max(1, Math.round(n / 1024)) + " KB";
  }
  document.addEventListener("change", function (ev) {
    var input = ev.target;
    if (!(input instanceof HTMLInputElement) || input.type !== "file" || !input.dataset.maxSize) return;
    var list = (input.closest(".field") || input.parentNode).querySelector(".file-list");
    if (!list) return;
    var max = parseInt(input.dataset.maxSize, 10);
    list.textContent = "";
    var tooLarge = false;
    Array.prototype.forEach.call(input.files, function (f) {
      var li = document.createElement("li");
      li.textContent = f.name + "（" + formatSize(f.size) + "）";
      if (f.size > max) {
        li.className = "too-large";
        li.textContent += " " + (input.dataset.tooLarge || "");
        tooLarge = true;
      }
      list.appendChild(li);
    });
    input.setCustomValidity(tooLarge ? (input.dataset.tooLarge || "too large") : "");
  });

  // Forms with data-upload show how much of their files has been sent.
  document.addEventListener("htmx:xhr:progress", function (ev) {
    var form = ev.target.closest && ev.target.closest("form[data-upload]");
    if (!form || !ev.detail.lengthComputable) return;
    var bar = form.querySelector(".upload-progress");
    if (!bar) return;
    bar.hidden = false;
    bar.value = Math.round(ev.detail.loaded / ev.detail.total * 100);
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

  // A form whose <select data-step-kind> picks among kinds of step shows
  // only the fields of the chosen kind (those whose data-for names it);
  // the others are hidden and disabled, so they are not sent either.
  function showStepFields(select) {
    select.form.querySelectorAll("[data-for]").forEach(function (field) {
      var on = field.getAttribute("data-for").split(" ").indexOf(select.value) >= 0;
      field.hidden = !on;
      field.querySelectorAll("input, select, textarea").forEach(function (el) { el.disabled = !on; });
    });
  }
  document.querySelectorAll("select[data-step-kind]").forEach(showStepFields);
  document.addEventListener("change", function (ev) {
    if (ev.target.matches && ev.target.matches("select[data-step-kind]")) showStepFields(ev.target);
  });

  // Native file and date controls speak the browser's language ("Choose
  // File", "mm/dd/yyyy"). A file input gets a house-style 选择文件 button
  // and the chosen file's name beside it; a date input a hint, in the
  // page's language, of what to type. The words are the catalogue's, on
  // <html data-…>. Without the script the native controls still work.
  var root = document.documentElement;
  var seq = 0;
  function say(name, n) { return (root.getAttribute("data-" + name) || "").replace("{n}", n); }
  function enhance(scope) {
    scope.querySelectorAll("input[type=file]:not(.sr-only):not(.file-native)").forEach(function (input) {
      if (!input.id) { input.id = "file-pick-" + (++seq); }
      var box = document.createElement("div");
      box.className = "file-pick";
      input.parentNode.insertBefore(box, input);
      box.appendChild(input);
      input.classList.add("file-native");
      var btn = document.createElement("label");
      btn.className = "btn btn-sm file-btn";
      btn.htmlFor = input.id;
      btn.setAttribute("aria-hidden", "true");
      btn.textContent = say("file-choose");
      var name = document.createElement("span");
      name.className = "file-name";
      name.textContent = say("file-none");
      box.appendChild(btn);
      box.appendChild(name);
      input.addEventListener("change", function () {
        var n = input.files ? input.files.length : 0;
        name.textContent = n === 0 ? say("file-none") : n === 1 ? input.files[0].name : say("file-count", n);
      });
    });
    scope.querySelectorAll("input[type=date]:not([data-hinted]), input[type=datetime-local]:not([data-hinted])").forEach(function (input) {
      input.setAttribute("data-hinted", "1");
      var hint = say(input.type === "date" ? "date-hint" : "datetime-hint");
      input.title = hint;
      if (!input.closest(".field") || input.closest("table")) { return; } // a table cell keeps the tooltip only
      var p = document.createElement("p");
      p.className = "field-hint date-hint";
      p.textContent = hint;
      input.insertAdjacentElement("afterend", p);
    });
  }
  enhance(document);
  document.addEventListener("htmx:load", function (ev) { enhance(ev.target); });

  // A file input marked data-autosubmit sends its form as soon as a file
  // is chosen: the "导入进展" button is one click, not two.
  document.addEventListener("change", function (ev) {
    var input = ev.target;
    if (input.matches && input.matches("input[type=file][data-autosubmit]") && input.files.length) {
      input.form.requestSubmit ? input.form.requestSubmit() : input.form.submit();
    }
  });
})();
