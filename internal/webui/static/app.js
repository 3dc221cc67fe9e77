// Small enhancements only: the page works as a plain form without this.
"use strict";
document.documentElement.classList.add("js");
document.addEventListener("DOMContentLoaded", function () {
  var file = document.getElementById("file");
  var area = document.getElementById("scenario");
  if (file && area) {
    file.addEventListener("change", function () {
      var f = file.files && file.files[0];
      if (!f) { return; }
      f.text().then(function (t) { area.value = t; });
    });
  }
  // An error's line link selects that line of the scenario.
  document.querySelectorAll("a[data-line]").forEach(function (a) {
    a.addEventListener("click", function (e) {
      e.preventDefault();
      var n = parseInt(a.getAttribute("data-line"), 10), lines = area.value.split("\n"), start = 0;
      for (var i = 0; i < n - 1 && i < lines.length; i++) { start += lines[i].length + 1; }
      area.focus();
      area.setSelectionRange(start, start + (lines[n - 1] || "").length);
    });
  });
});
