// Small enhancements only: the page works as a plain form without this
// (a plain submit posts to /#results and lands at the results).
"use strict";
document.documentElement.classList.add("js");
(function () {
  // An error's line link selects that line of the scenario text.
  function selectLine(n) {
    var area = document.getElementById("scenario");
    if (!area) { return; }
    var lines = area.value.split("\n"), start = 0;
    for (var i = 0; i < n - 1 && i < lines.length; i++) { start += lines[i].length + 1; }
    area.focus();
    area.setSelectionRange(start, start + (lines[n - 1] || "").length);
  }

  function init() {
    var file = document.getElementById("file");
    var area = document.getElementById("scenario");
    if (file && area) {
      file.addEventListener("change", function () {
        var f = file.files && file.files[0];
        if (!f) { return; }
        f.text().then(function (t) { area.value = t.replace(/\r\n/g, "\n"); area.dispatchEvent(new Event("change")); });
      });
    }
    // The paid file, once chosen, is read into its box (and the file field
    // cleared), so that the box is what is sent and can be corrected.
    var paidFile = document.getElementById("paid_file"), paid = document.getElementById("paid");
    if (paidFile && paid) {
      paidFile.addEventListener("change", function () {
        var f = paidFile.files && paidFile.files[0];
        if (!f) { return; }
        f.text().then(function (t) { paid.value = t.replace(/\r\n/g, "\n"); paidFile.value = ""; });
      });
    }
    document.querySelectorAll("a[data-line]").forEach(function (a) {
      a.addEventListener("click", function (e) {
        if (a.getAttribute("href") !== "#scenario") { return; } // retargeted to its cell
        e.preventDefault();
        selectLine(parseInt(a.getAttribute("data-line"), 10));
      });
    });
    var form = document.getElementById("scenario-form");
    if (form && window.fetch && window.DOMParser) {
      form.addEventListener("submit", submit);
    }
  }

  // "Work it out" in place: the form is posted as it would be, and the
  // answer's <main> replaces this one; then the results (or the problems)
  // are brought into view. Downloads go as a plain post.
  function submit(e) {
    var form = e.target, by = e.submitter;
    var action = (by && by.getAttribute("formaction")) || form.getAttribute("action") || "/";
    if (action.indexOf("/download") === 0) { return; } // a download: a plain post
    var anchor = action.split("#")[1] || "results";
    e.preventDefault();
    var status = document.getElementById("status");
    if (status) { status.textContent = "Working it out…"; }
    var body = new FormData(form);
    if (by && by.name) { body.append(by.name, by.value); }
    fetch(action.split("#")[0] || "/", {method: "POST", body: body})
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var main = doc.querySelector("main"), old = document.querySelector("main");
        if (!main || !old) { form.submit(); return; }
        // Tables the user unfolded stay unfolded.
        var open = Array.prototype.map.call(document.querySelectorAll("main details[id][open]"), function (d) { return d.id; });
        old.replaceWith(document.adoptNode(main));
        open.forEach(function (id) { var el = document.getElementById(id); if (el) { el.open = true; } });
        document.title = doc.title;
        document.querySelectorAll("a.skip").forEach(function (a, i) {
          var fresh = doc.querySelectorAll("a.skip")[i];
          if (fresh) { a.setAttribute("href", fresh.getAttribute("href")); a.textContent = fresh.textContent; }
        });
        init();
        document.dispatchEvent(new CustomEvent("pcnfin:page"));
        document.documentElement.dataset.runs = String(parseInt(document.documentElement.dataset.runs || "0", 10) + 1);
        var box = document.getElementById("error-summary") || document.getElementById(anchor) || document.getElementById("results");
        var target = document.getElementById("error-summary") || (box && box.querySelector("h2[tabindex]"));
        if (target) { target.focus({preventScroll: true}); }
        if (box) { box.scrollIntoView({block: "start"}); }
      })
      .catch(function () { form.submit(); });
  }

  window.pcnfinSelectLine = selectLine;
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
