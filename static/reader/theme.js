// Runs before the first paint (loaded without defer): the remembered theme, and a class telling CSS that
// scripts run, so controls that need JavaScript show only then.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  try {
    var theme = localStorage.getItem("reader-theme");
    if (theme === "dark" || theme === "light") root.dataset.theme = theme;
  } catch (e) { /* storage disabled: follow prefers-color-scheme */ }
})();
