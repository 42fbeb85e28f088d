// Workshop mode: keys 0–4 and N answer the current question and save it (htmx submits the form).
document.addEventListener("keydown", function (event) {
  var target = event.target;
  if (target && (target.tagName === "TEXTAREA" || (target.tagName === "INPUT" && (target.type === "text" || target.type === "file")))) { return; }
  if (event.altKey || event.ctrlKey || event.metaKey) { return; }
  var key = event.key.toLowerCase();
  if (!/^[0-4n]$/.test(key)) { return; }
  var form = document.getElementById("answer-form");
  if (!form) { return; }
  var radio = form.querySelector('input[name="level"][value="' + key + '"]');
  if (!radio) { return; }
  event.preventDefault();
  radio.checked = true;
  if (window.htmx) {
    // Always by htmx, even if the form was swapped in a moment ago and not yet processed.
    window.htmx.ajax("POST", form.getAttribute("action"), { source: form, target: "#workshop", swap: "outerHTML" });
  } else {
    form.requestSubmit();
  }
});
// After htmx swaps in the next question, move focus to it so screen readers read it; after a
// refused upload, to the error summary instead.
document.addEventListener("htmx:afterSwap", function () {
  var summary = document.querySelector("#workshop #fehler");
  if (summary) { summary.focus(); return; }
  var question = document.querySelector(".ww-workshop__question");
  if (question) { question.setAttribute("tabindex", "-1"); question.focus(); }
});
