// Progressive enhancements of the extranet. Everything here also works
// without JavaScript through a full-page round trip; this only saves it.
(function () {
  "use strict";

  // Controls marked nojs-only are for the full-page fallback: hide them.
  document.documentElement.classList.add("js");

  // "Afficher le mot de passe": flip the input in place instead of posting the form.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-toggle-password]");
    if (!button) return;
    var input = document.getElementById(button.getAttribute("data-toggle-password"));
    if (!input) return;
    event.preventDefault();
    var show = input.type === "password";
    input.type = show ? "text" : "password";
    button.setAttribute("aria-pressed", show ? "true" : "false");
    var marker = input.form && input.form.querySelector('input[name="' + input.name + '_visible"]');
    if (marker) marker.remove();
  });

  // Menus are <details>: close them on Escape and when the focus or a click goes elsewhere.
  function closeMenus(except) {
    document.querySelectorAll("details.menu__group[open]").forEach(function (d) {
      if (d !== except) d.removeAttribute("open");
    });
  }
  document.addEventListener("click", function (event) {
    closeMenus(event.target.closest("details.menu__group"));
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var open = event.target.closest && event.target.closest("details.menu__group[open]");
    if (open) {
      open.removeAttribute("open");
      open.querySelector("summary").focus();
    }
  });
  document.addEventListener("focusin", function (event) {
    closeMenus(event.target.closest("details.menu__group"));
  });

  // Error summaries already in the page were focused when it loaded
  // (autofocus); a later swap must not pull the focus back to them.
  document.querySelectorAll(".error-banner").forEach(function (b) { b.setAttribute("data-focused", ""); });
  // Statuses already in the page were read with it: a later swap elsewhere
  // must not announce them again.
  document.querySelectorAll("[data-announce]").forEach(function (n) { n.setAttribute("data-announced", ""); });

  // The page's title before a swap, to restore it when a dialog that came
  // with its own title closes.
  var titleBefore = document.title;
  document.addEventListener("htmx:beforeSwap", function () { titleBefore = document.title; });

  // A field check replaced its field: repeat its error, if any, in the page's
  // polite live region (the new field itself is not a live region, so the
  // error would not be announced).
  function announceFieldError(trigger) {
    var region = document.getElementById("annonces");
    var input = trigger && trigger.id && document.getElementById(trigger.id);
    var field = input && input.closest(".field");
    if (!region || !field) return;
    var error = field.querySelector(".field__error");
    var label = field.querySelector("label");
    region.textContent = "";
    if (!error) return;
    var text = (label ? label.textContent.replace(/\s*\*\s*$/, "").trim() + " : " : "") + error.textContent.trim();
    // A change of content is what is announced: set it on the next tick.
    setTimeout(function () { region.textContent = text; }, 50);
  }

  // After htmx swaps in a form with errors, move the focus to its summary so
  // that keyboard and screen-reader users land on it (htmx already focuses an
  // autofocus element it swaps in; this covers the summary of the form just
  // submitted when several forms share the page).
  document.addEventListener("htmx:afterSwap", function (event) {
    var trigger = event.detail.requestConfig && event.detail.requestConfig.elt;
    if (trigger && trigger.hasAttribute && trigger.hasAttribute("data-check")) {
      announceFieldError(trigger);
      return;
    }
    var banner = document.querySelector(".error-banner:not([data-focused])");
    if (banner) {
      banner.setAttribute("data-focused", "");
      banner.focus();
      return;
    }
    // A period row was added: focus its first input.
    var marker = document.querySelector("[data-focus]");
    if (marker) {
      var input = document.getElementById(marker.getAttribute("data-focus"));
      marker.remove();
      if (input) input.focus();
      return;
    }
    // A period row was removed: its button is gone, focus "Ajouter une période".
    if (trigger && /^supprimer-periode-/.test(trigger.value || "")) {
      var add = document.getElementById("ajouter-periode");
      if (add) add.focus();
    }
    // A swapped region brought a status (a search's answer): repeat it in
    // the polite live region, since a status that arrives already written is
    // not reliably announced. (The focus stays on the button that asked:
    // htmx puts it back on the element of the same id.)
    var note = document.querySelector("[data-announce]:not([data-announced])");
    var region = document.getElementById("annonces");
    if (note && region) {
      note.setAttribute("data-announced", "");
      var said = note.textContent.trim();
      region.textContent = "";
      setTimeout(function () { region.textContent = said; }, 50);
    }
    // A confirmation arrived: show it as a modal dialog (focus trapped, Escape closes).
    var dialog = document.querySelector("dialog[data-modal]:not([open])");
    if (dialog) {
      var opener = trigger;
      var title = titleBefore;
      dialog.addEventListener("close", function () {
        document.title = title;
        dialog.remove();
        if (opener && document.body.contains(opener)) opener.focus();
      });
      dialog.showModal();
    }
  });

  // A field is checked when it is left (htmx, data-check). When it is left by
  // pressing a control that acts on click (a button, a link, a checkbox or its
  // label), skip that check: its answer could move the control under the
  // pointer before the click lands. VALIDER checks every field anyway.
  var pressingControl = false;
  document.addEventListener("pointerdown", function (event) {
    pressingControl = !!event.target.closest('button, a, label, summary, input[type="checkbox"], input[type="radio"], input[type="submit"]');
  }, true);
  document.addEventListener("pointerup", function () {
    setTimeout(function () { pressingControl = false; }, 0);
  }, true);
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (pressingControl && event.detail.elt.hasAttribute("data-check")) event.preventDefault();
  });

  document.addEventListener("click", function (event) {
    var close = event.target.closest("[data-close-dialog]");
    if (close) {
      var dialog = close.closest("dialog");
      if (dialog) dialog.close();
    }
  });

  // Uploads (the Genesis import, data-upload-progress): the form's
  // <progress> follows the upload's bytes, and its status region says
  // "Envoi…" then, once the last byte is sent, "Traitement…" while the
  // server checks the file. Without JavaScript the browser shows its own
  // progress. Only the status region speaks (role=status): the bar is seen.
  function uploadParts(elt) {
    var form = elt && elt.closest && elt.closest("form[data-upload-progress]");
    if (!form) return null;
    var bar = document.getElementById(form.getAttribute("data-upload-progress"));
    var status = document.getElementById(form.getAttribute("data-upload-status"));
    return bar && status ? { bar: bar, status: status } : null;
  }
  document.addEventListener("htmx:beforeRequest", function (event) {
    var u = uploadParts(event.detail.elt);
    if (!u) return;
    u.bar.value = 0;
    u.bar.textContent = "0 %";
    u.bar.parentElement.hidden = false;
    u.status.textContent = "Envoi…";
  });
  document.addEventListener("htmx:xhr:progress", function (event) {
    var u = uploadParts(event.target);
    if (!u || !event.detail.lengthComputable || !event.detail.total) return;
    // htmx reports the answer's download too: once the file is sent, the
    // bar stays full and the status says the server is working.
    if (u.status.textContent === "Traitement…") return;
    var pct = Math.round(100 * event.detail.loaded / event.detail.total);
    u.bar.value = pct;
    u.bar.textContent = pct + " %";
    if (event.detail.loaded >= event.detail.total && u.status.textContent !== "Traitement…") {
      u.status.textContent = "Traitement…";
    }
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var u = uploadParts(event.detail.elt);
    if (!u) return; // a success swapped the form out; a failure leaves it
    u.bar.parentElement.hidden = true;
    u.status.textContent = event.detail.successful ? "" : "L'envoi a échoué : vérifiez la connexion et réessayez.";
  });
})();
