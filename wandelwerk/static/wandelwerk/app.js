// Small behaviours without a build step: move focus to an error summary so screen readers announce it.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("fehler");
  if (summary) { summary.focus(); }
});
