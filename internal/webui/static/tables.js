// Editable tables over the scenario text: the [[practices]] and [[staff]]
// blocks of the TOML are shown as rows of inputs; editing a cell rewrites
// that key's line in the text, "add" appends a block, "remove" deletes one.
// The text stays the one source of truth (the server reads only it), so the
// page works the same without this script.
"use strict";
(function () {
  var COLS = {
    practices: [["name", "s"], ["registered", "n"], ["weighted", "n"], ["adjusted", "n"], ["care_home_beds", "n"]],
    staff: [["name", "s"], ["role", "s"], ["wte", "n"], ["hours", "n"], ["sessions", "n"], ["start", "d"],
      ["end", "d"], ["annual_cost", "n"], ["salary", "n"], ["london", "s"]]
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
        if (t === "[[" + kind + "]]") { cur = {start: i, end: lines.length, keys: {}}; }
        continue;
      }
      if (!cur) { continue; }
      var m = /^\s*([a-z_]+)\s*=\s*(.*?)\s*(#.*)?$/.exec(lines[i]);
      if (m) { cur.keys[m[1]] = {line: i, raw: m[2]}; }
    }
    if (cur) { out.push(cur); }
    return {lines: lines, blocks: out};
  }

  function shown(raw, type) {
    if (type === "s" && /^".*"$/.test(raw)) { return raw.slice(1, -1).replace(/\\"/g, '"').replace(/\\\\/g, "\\"); }
    return raw;
  }

  function written(v, type) {
    if (type === "s") { return '"' + v.replace(/\\/g, "\\\\").replace(/"/g, '\\"') + '"'; }
    return v.trim();
  }

  function setKey(area, kind, bi, key, type, value) {
    var p = blocks(area.value, kind), b = p.blocks[bi], lines = p.lines;
    if (!b) { return; }
    var k = b.keys[key];
    if (k && value === "") {
      lines.splice(k.line, 1);
    } else if (k) {
      lines[k.line] = lines[k.line].replace(/=\s*.*?(\s*#.*)?$/, function (_, c) { return "= " + written(value, type) + (c || ""); });
    } else if (value !== "") {
      var at = b.end;
      while (at > b.start + 1 && lines[at - 1].trim() === "") { at--; }
      lines.splice(at, 0, key + " = " + written(value, type));
    }
    area.value = lines.join("\n");
  }

  function render(area, kind, host) {
    var p = blocks(area.value, kind), cols = COLS[kind];
    var table = document.createElement("table");
    table.className = "editor";
    var head = table.createTHead().insertRow();
    cols.forEach(function (c) { var th = document.createElement("th"); th.textContent = c[0]; head.appendChild(th); });
    head.appendChild(document.createElement("th"));
    var body = table.createTBody();
    p.blocks.forEach(function (b, bi) {
      var row = body.insertRow();
      cols.forEach(function (c) {
        var cell = row.insertCell(), key = c[0], type = c[1], input;
        var val = b.keys[key] ? shown(b.keys[key].raw, type) : "";
        if (key === "role" && roles.length) {
          input = document.createElement("select");
          roles.concat(roles.indexOf(val) < 0 && val ? [val] : []).forEach(function (r) {
            var o = document.createElement("option");
            o.value = r; o.textContent = r; o.selected = r === val;
            input.appendChild(o);
          });
        } else {
          input = document.createElement("input");
          input.value = val;
          input.size = type === "s" ? 16 : 7;
        }
        input.setAttribute("aria-label", kind + " " + (bi + 1) + " " + key);
        input.dataset.key = key;
        input.addEventListener("change", function () { setKey(area, kind, bi, key, type, input.value); });
        cell.appendChild(input);
      });
      var del = document.createElement("button");
      del.type = "button"; del.textContent = "remove";
      del.addEventListener("click", function () {
        var q = blocks(area.value, kind), bb = q.blocks[bi];
        q.lines.splice(bb.start, bb.end - bb.start);
        area.value = q.lines.join("\n");
        render(area, kind, host);
      });
      row.insertCell().appendChild(del);
    });
    var add = document.createElement("button");
    add.type = "button"; add.textContent = "add " + (kind === "staff" ? "a person" : "a practice");
    add.addEventListener("click", function () {
      var year = new Date().getFullYear() - (new Date().getMonth() < 3 ? 1 : 0);
      area.value = area.value.replace(/\s*$/, "\n\n") + NEW[kind].replace("START", year + "-04-01");
      render(area, kind, host);
    });
    host.replaceChildren(table, add);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var area = document.getElementById("scenario");
    var ph = document.getElementById("practices-table"), st = document.getElementById("staff-table");
    if (!area || !ph || !st) { return; }
    // A bad field is shown next to that field: the error's cell is marked,
    // with the message as its title.
    var marks = function () {
      document.querySelectorAll("#errors li[data-field]").forEach(function (li) {
        var m = /^(practices|staff)\[(\d+)\]\.([a-z_]+)$/.exec(li.getAttribute("data-field"));
        if (!m) { return; }
        var cell = document.querySelector('[aria-label="' + m[1] + " " + (parseInt(m[2], 10) + 1) + " " + m[3] + '"]');
        if (cell) {
          cell.classList.add("bad");
          cell.title = li.textContent;
          cell.setAttribute("aria-invalid", "true");
        }
      });
    };
    var draw = function () { render(area, "practices", ph); render(area, "staff", st); marks(); };
    area.addEventListener("change", draw);
    fetch("/api/roles").then(function (r) { return r.json(); }).then(function (j) {
      roles = (j.roles || []).map(function (r) { return r.id; });
    }).catch(function () {}).then(draw);
  });
})();
