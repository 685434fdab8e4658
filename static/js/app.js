// Progressive enhancements of the extranet. Everything here also works
// without JavaScript through a full-page round trip; this only saves it.
(function () {
  "use strict";

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

  // After htmx swaps in a form with errors, move the focus to its summary so
  // that keyboard and screen-reader users land on it.
  document.addEventListener("htmx:afterSwap", function () {
    var banner = document.getElementById("erreurs");
    if (banner && !banner.hasAttribute("data-focused")) {
      banner.setAttribute("data-focused", "");
      banner.focus();
    }
  });
})();
