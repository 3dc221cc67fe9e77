// Editable tables over the scenario text: the [[practices]] and [[staff]]
// blocks of the TOML are shown as rows of inputs; editing a cell rewrites
// that key's line in the text, "Add" appends a block, "Remove" deletes one.
// The text stays the one source of truth (the server reads only it), so the
// page works the same without this script. A value that is not a number or
// a date is written as a quoted string, so that the loader names the row
// and says what is wrong ("not a number"), and the page shows that message
// next to the cell.
"use strict";
(function () {
  // key, type (s string, n number, d date), heading, hint
  var COLS = {
    practices: [["name", "s", "Name", ""], ["registered", "n", "Registered list", "patients"],
      ["weighted", "n", "Weighted list", "e.g. 13250.5"], ["adjusted", "n", "Adjusted population", ""],
      ["care_home_beds", "n", "Care home beds", ""]],
    staff: [["name", "s", "Name", ""], ["role", "s", "Role", ""], ["wte", "n", "WTE", "e.g. 0.5"],
      ["hours", "n", "Hours a week", "instead of WTE"], ["sessions", "n", "Sessions a week", "GPs"],
      ["start", "d", "Start", "YYYY-MM-DD"], ["end", "d", "End", "YYYY-MM-DD, blank: none"],
      ["annual_cost", "n", "Annual cost, £", "1 WTE, with on-costs"], ["salary", "n", "Salary, £", "instead of cost"],
      ["london", "s", "London weighting", "inner, outer, fringe"]]
  };
  var NEW = {
    practices: '[[practices]]\nname = "New practice"\nregistered = 0\nweighted = 0\nadjusted = 0\ncare_home_beds = 0\n',
    staff: '[[staff]]\nname = "New person"\nrole = "social_prescribing_link_worker"\nwte = 1.0\nstart = START\nannual_cost = 30000\n'
  };
  var roles = [];

  function blocks(text, kind) {
    var lines = text.split("\n"), out = [], cur = null;
    for (var i = 0; i < lines.length; i++) {
      var t = lines[i].trim();
      if (t.charAt(0) === "[") {
        if (cur) { cur.end = i; out.push(cur); cur = null; }
        if (t.replace(/\s*#.*$/, "") === "[[" + kind + "]]") { cur = {start: i, end: lines.length, keys: {}}; }
        continue;
      }
      if (!cur) { continue; }
      var m = /^\s*([a-z_]+)\s*=\s*(.*?)\s*(#.*)?$/.exec(lines[i]);
      if (m) { cur.keys[m[1]] = {line: i, raw: m[2]}; }
    }
    if (cur) { out.push(cur); }
    return {lines: lines, blocks: out};
  }

  function shown(raw) {
    if (/^".*"$/.test(raw)) { return raw.slice(1, -1).replace(/\\"/g, '"').replace(/\\\\/g, "\\"); }
    return raw;
  }

  function quote(v) {
    return '"' + v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\t/g, "\\t")
      .replace(/[\u0000-\u001f\u007f]/g, "") + '"';
  }

  // written is a cell's value as TOML: a number or date bare when it is
  // one, anything else quoted (the loader then refuses it by its row).
  function written(v, type) {
    v = v.trim();
    if (type === "n") {
      var plain = v.replace(/^£/, "");
      if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(plain)) { plain = plain.replace(/,/g, ""); }
      if (/^[+-]?\d+(\.\d+)?$/.test(plain)) { return plain; }
      return quote(v);
    }
    if (type === "d" && /^\d{4}-\d{2}-\d{2}$/.test(v)) { return v; }
    return quote(v);
  }

  function setKey(area, kind, bi, key, type, value) {
    var p = blocks(area.value, kind), b = p.blocks[bi], lines = p.lines;
    if (!b) { return; }
    var k = b.keys[key];
    if (k && value.trim() === "") {
      lines.splice(k.line, 1);
    } else if (k) {
      var m = /^(\s*[a-z_]+\s*=\s*)(?:"(?:[^"\\]|\\.)*"|[^#]*?)(\s*#.*)?$/.exec(lines[k.line]);
      lines[k.line] = m ? m[1] + written(value, type) + (m[2] || "") : key + " = " + written(value, type);
    } else if (value.trim() !== "") {
      var at = b.end;
      while (at > b.start + 1 && lines[at - 1].trim() === "") { at--; }
      lines.splice(at, 0, key + " = " + written(value, type));
    }
    area.value = lines.join("\n");
  }

  // render draws a table from the text (after a row is added or removed,
  // or the text edited); the server draws the first one the same way.
  function render(area, kind, host) {
    var p = blocks(area.value, kind), cols = COLS[kind];
    var what = kind === "staff" ? "Staff" : "Practice";
    var table = document.createElement("table");
    table.className = "editor";
    var cap = table.createCaption();
    cap.className = "vh";
    cap.textContent = kind === "staff" ? "Staff (ARRS roles)" : "Practices";
    var head = table.createTHead().insertRow();
    cols.forEach(function (c) {
      var th = document.createElement("th");
      th.scope = "col";
      th.textContent = c[2];
      if (c[3]) { var h = document.createElement("span"); h.className = "hint"; h.textContent = c[3]; th.appendChild(h); }
      head.appendChild(th);
    });
    var act = document.createElement("th");
    act.scope = "col";
    act.innerHTML = '<span class="vh">Remove</span>';
    head.appendChild(act);
    var body = table.createTBody(), names = [];
    p.blocks.forEach(function (b, bi) {
      var row = body.insertRow(), rowName = b.keys.name ? shown(b.keys.name.raw) : what + " row " + (bi + 1);
      names.push(rowName);
      cols.forEach(function (c) {
        var cell = row.insertCell(), key = c[0], type = c[1], input;
        cell.setAttribute("data-label", c[2]);
        var val = b.keys[key] ? shown(b.keys[key].raw) : "";
        if (key === "role" && roles.length) {
          input = document.createElement("select");
          var known = roles.some(function (r) { return r.id === val; });
          roles.concat(!known && val ? [{id: val, name: val}] : []).forEach(function (r) {
            var o = document.createElement("option");
            o.value = r.id; o.textContent = r.name; o.selected = r.id === val;
            input.appendChild(o);
          });
        } else {
          input = document.createElement("input");
          input.value = val;
          input.size = type === "s" ? 16 : (type === "d" ? 10 : 8);
          if (type === "n") { input.inputMode = "decimal"; }
        }
        input.id = kind + "-" + (bi + 1) + "-" + key;
        input.setAttribute("aria-label", c[2] + ", " + what.toLowerCase() + " row " + (bi + 1) + " (" + rowName + ")");
        input.dataset.key = key;
        input.dataset.row = String(bi + 1);
        cell.appendChild(input);
      });
      var del = document.createElement("button");
      del.type = "button";
      del.textContent = "Remove";
      del.dataset.remove = String(bi + 1);
      del.setAttribute("aria-label", "Remove " + rowName);
      row.insertCell().appendChild(del);
    });
    var add = document.createElement("button");
    add.type = "button"; add.textContent = "Add " + (kind === "staff" ? "a person" : "a practice");
    add.dataset.add = "1";
    var box = document.createElement("div");
    box.className = "scroll editor-scroll";
    box.appendChild(table);
    host.replaceChildren(box, add);
    var title = document.getElementById(kind + "-heading");
    if (title) {
      var list = names.slice(0, 4);
      if (names.length > 4) { list.push("and " + (names.length - 4) + " more"); }
      title.textContent = (kind === "staff" ? "Staff" : "Practices") + " (" + names.length + ")" + (list.length ? ": " + list.join(", ") : "");
    }
    wire(area, kind, host);
  }

  // wire makes a drawn table edit the text: a cell's change rewrites its
  // key's line, Remove deletes the row's block, Add appends one.
  function wire(area, kind, host) {
    var types = {};
    COLS[kind].forEach(function (c) { types[c[0]] = c[1]; });
    host.querySelectorAll("[data-key][data-row]").forEach(function (input) {
      var key = input.dataset.key, bi = parseInt(input.dataset.row, 10) - 1;
      input.addEventListener("change", function () { setKey(area, kind, bi, key, types[key] || "s", input.value); });
    });
    host.querySelectorAll("button[data-remove]").forEach(function (del) {
      var bi = parseInt(del.dataset.remove, 10) - 1;
      del.addEventListener("click", function () {
        var q = blocks(area.value, kind), bb = q.blocks[bi];
        if (!bb) { return; }
        q.lines.splice(bb.start, bb.end - bb.start);
        area.value = q.lines.join("\n");
        render(area, kind, host);
      });
    });
    var add = host.querySelector("button[data-add]");
    if (add) {
      add.addEventListener("click", function () {
        var year = new Date().getFullYear() - (new Date().getMonth() < 3 ? 1 : 0);
        area.value = area.value.replace(/\s*$/, "\n\n") + NEW[kind].replace("START", year + "-04-01");
        render(area, kind, host);
      });
    }
  }

  // marks points the summary's links at the cells the server marked.
  function marks() {
    document.querySelectorAll("#error-summary a[data-cell]").forEach(function (a) {
      var cell = document.getElementById(a.getAttribute("data-cell"));
      if (cell && cell.getAttribute("aria-invalid") === "true") { a.setAttribute("href", "#" + cell.id); }
    });
  }

  function start() {
    var area = document.getElementById("scenario");
    var ph = document.getElementById("practices-table"), st = document.getElementById("staff-table");
    if (!area || !ph || !st) { return; }
    try { roles = JSON.parse(st.getAttribute("data-roles") || "[]"); } catch (e) { roles = []; }
    area.addEventListener("change", function () { render(area, "practices", ph); render(area, "staff", st); });
    [[ph, "practices"], [st, "staff"]].forEach(function (h) {
      if (h[0].querySelector("table.editor")) { wire(area, h[1], h[0]); } else { render(area, h[1], h[0]); }
    });
    marks();
  }

  document.addEventListener("pcnfin:page", start);
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
