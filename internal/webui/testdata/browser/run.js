// The web page's real-browser checks, run by browser_test.go as
//   node run.js BASE_URL SHOT_DIR
// puppeteer-core drives Debian's chromium (CHROMIUM, else /usr/bin/chromium)
// as a PCN manager would, at 1280 and 390 px; axe-core checks each state.
// It prints one JSON object of measurements; the Go test judges them.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const puppeteer = require("puppeteer-core");
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const base = process.argv[2];
const shots = process.argv[3] || "";
const out = {};

async function axe(page) {
  await page.evaluate(axeSource);
  const r = await page.evaluate(() => window.axe.run(document, {resultTypes: ["violations"]}));
  return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => v.id + " (" + v.impact + "): " + v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", "));
}

// The page's width beyond the viewport, and the widest element that causes it.
async function overflow(page) {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    let worst = "";
    let wx = 0;
    document.querySelectorAll("body *").forEach((el) => {
      const r = el.getBoundingClientRect();
      if (r.right > vw + 1 && r.right > wx && getComputedStyle(el).position !== "fixed") {
        let inBox = false;
        for (let p = el.parentElement; p; p = p.parentElement) {
          const s = getComputedStyle(p).overflowX;
          if (s === "auto" || s === "scroll" || s === "hidden") { inBox = true; break; }
        }
        if (!inBox) { wx = r.right; worst = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && typeof el.className === "string" ? "." + el.className.split(" ")[0] : ""); }
      }
    });
    return {scrollWidth: document.documentElement.scrollWidth, viewport: vw, widest: worst, widestRight: Math.round(wx)};
  });
}

async function shot(page, name) {
  if (!shots) { return; }
  await page.screenshot({path: path.join(shots, name + ".png"), fullPage: true});
}

async function layoutShift(browser, width) {
  const page = await browser.newPage();
  await page.setViewport({width: width, height: 900});
  await page.evaluateOnNewDocument(() => {
    window.__cls = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) { if (!e.hadRecentInput) { window.__cls += e.value; } } })
      .observe({type: "layout-shift", buffered: true});
  });
  await page.goto(base + "/", {waitUntil: "load"});
  await new Promise((r) => setTimeout(r, 300));
  const cls = await page.evaluate(() => window.__cls);
  await page.close();
  return Math.round(cls * 1000) / 1000;
}

// tabStops counts the Tab presses that stop before the scenario text, from
// the top of a freshly loaded page, as a keyboard user meets them.
async function tabStops(page) {
  await page.evaluate(() => { if (document.activeElement) { document.activeElement.blur(); } window.scrollTo(0, 0); });
  const names = [];
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press("Tab");
    const at = await page.evaluate(() => { const e = document.activeElement; return e ? (e.id || e.tagName.toLowerCase() + " " + (e.textContent || "").trim().slice(0, 30)) : ""; });
    if (at === "scenario") { return {before: i, stops: names}; }
    names.push(at);
  }
  return {before: -1, stops: names.slice(0, 20)};
}

async function cellInput(page, row, key) {
  return page.$('#staff-table [data-row="' + row + '"][data-key="' + key + '"], [aria-label="staff ' + row + " " + key + '"]');
}

async function setCell(page, row, key, value) {
  const el = await cellInput(page, row, key);
  if (!el) { throw new Error("no cell for staff " + row + " " + key); }
  await el.evaluate((e) => { const d = e.closest("details"); if (d) { d.open = true; } });
  await el.click({clickCount: 3});
  await el.evaluate((e, v) => { e.value = v; e.dispatchEvent(new Event("input", {bubbles: true})); e.dispatchEvent(new Event("change", {bubbles: true})); }, value);
}

async function inView(page, sel) {
  return page.evaluate((s) => {
    const el = document.querySelector(s);
    if (!el) { return {found: false}; }
    const r = el.getBoundingClientRect();
    return {found: true, top: Math.round(r.top), visible: r.top >= -5 && r.top < window.innerHeight};
  }, sel);
}

// clickRun works it out in place (the page's script counts its runs in
// <html data-runs>); a page without the script navigates instead.
async function clickRun(page) {
  const before = await page.evaluate(() => document.documentElement.dataset.runs || "0");
  const nav = page.waitForNavigation({waitUntil: "load", timeout: 8000}).catch(() => null);
  await page.click("#run");
  await Promise.race([nav, page.waitForFunction((b) => (document.documentElement.dataset.runs || "0") !== b, {timeout: 8000}, before).catch(() => null)]);
}

async function main() {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--disable-dev-shm-usage", "--no-first-run"],
    userDataDir: fs.mkdtempSync(path.join(os.tmpdir(), "pcnfin-chromium-")),
  });
  try {
    for (const width of [1280, 390]) {
      const w = {};
      out["w" + width] = w;
      w.layoutShift = await layoutShift(browser, width);
      const page = await browser.newPage();
      await page.setViewport({width: width, height: 900});
      await page.goto(base + "/", {waitUntil: "load"});
      await shot(page, "start-" + width);
      w.start = await overflow(page);
      w.tabStops = await tabStops(page);
      if (width === 1280) {
        w.parity = await page.evaluate(() => {
          // Each element: its tag, attributes (but value and selected, which
          // the script sets as properties), value and own text.
          const sig = () => Array.from(document.querySelectorAll(".editor-host *")).map((el) => el.tagName + "[" +
            Array.from(el.attributes).filter((x) => x.name !== "value" && x.name !== "selected").map((x) => x.name + "=" + x.value).sort().join(" ") + "]" +
            (el.matches("input, select") ? "=" + el.value : "") +
            Array.from(el.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent.trim()).join("")).join("\n") +
            document.getElementById("practices-heading").textContent + document.getElementById("staff-heading").textContent;
          const server = sig();
          document.getElementById("scenario").dispatchEvent(new Event("change"));
          const script = sig();
          let i = 0;
          while (i < server.length && server[i] === script[i]) { i++; }
          return {same: server === script, server: server.slice(Math.max(0, i - 80), i + 120), script: script.slice(Math.max(0, i - 80), i + 120)};
        });
      }
      if (width === 1280) { w.axeStart = await axe(page); }

      // Edit a cell of the staff table, then work it out.
      await setCell(page, 4, "wte", "0.5");
      await clickRun(page);
      w.resultsInView = await inView(page, "#results");
      w.claims = await page.$eval("[id^=claims-]", (e) => e.id + " " + e.textContent).catch(() => "");
      w.changed = await page.$eval("#changes", (e) => e.textContent.replace(/\s+/g, " ").trim()).catch(() => "");
      await shot(page, "results-" + width);
      w.results = await overflow(page);

      // A bad cell: its message next to it.
      await setCell(page, 2, "wte", "abc");
      await clickRun(page);
      w.error = await page.evaluate(() => {
        const cell = document.querySelector('#staff-table [data-row="2"][data-key="wte"], [aria-label="staff 2 wte"]');
        const ids = cell ? (cell.getAttribute("aria-describedby") || "").split(" ").filter(Boolean) : [];
        const msg = ids.map((id) => (document.getElementById(id) || {}).textContent || "").join(" ").trim();
        const summary = document.querySelector("#error-summary");
        return {cellMarked: !!cell && cell.getAttribute("aria-invalid") === "true", nextToCell: msg,
          title: cell ? cell.title : "", summaryLinks: summary ? Array.from(summary.querySelectorAll("a")).map((a) => a.getAttribute("href") + " " + a.textContent.trim()) : [],
          summaryInView: summary ? summary.getBoundingClientRect().top < window.innerHeight && summary.getBoundingClientRect().bottom > 0 : false};
      });
      await shot(page, "error-" + width);
      w.errorOverflow = await overflow(page);
      if (width === 1280) { w.axeError = await axe(page); }

      await page.goto(base + "/coverage", {waitUntil: "load"});
      await shot(page, "coverage-" + width);
      w.coverage = await overflow(page);
      if (width === 1280) { w.axeCoverage = await axe(page); }
      await page.close();
    }

    // Did we get paid right? The example (a plain link), at both widths;
    // then a paid file uploaded, read into its box, and checked in place.
    {
      const page = await browser.newPage();
      const rec = {};
      out.reconcile = rec;
      for (const width of [390, 1280]) {
        await page.setViewport({width: width, height: 900});
        await page.goto(base + "/?example=paid#reconcile", {waitUntil: "load"});
        await shot(page, "reconcile-" + width);
        rec["overflow" + width] = await overflow(page);
      }
      rec.inView = await inView(page, "#reconcile");
      rec.summary = await page.$eval("#paid-summary", (e) => e.textContent.replace(/\s+/g, " ").trim()).catch(() => "");
      rec.lags = await page.$$eval("#cash-lags tbody tr", (rs) => rs.map((r) => r.textContent.replace(/\s+/g, " ").trim()));
      rec.axe = await axe(page);
      const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pcnfin-paid-")), "paid.csv");
      fs.writeFileSync(bad, "paid,payment,person,amount\n2025-04,core,,8052.31\n2025-06,arrs,Pharmacist Z,100\n");
      const input = await page.$("#paid_file");
      await input.uploadFile(bad);
      await page.waitForFunction(() => document.getElementById("paid").value.includes("Pharmacist Z"), {timeout: 5000});
      const before = await page.evaluate(() => document.documentElement.dataset.runs || "0");
      await page.click("#check");
      await page.waitForFunction((b) => (document.documentElement.dataset.runs || "0") !== b, {timeout: 8000}, before);
      rec.error = await page.evaluate(() => {
        const box = document.getElementById("paid");
        const list = document.getElementById("paid-errors");
        const summary = document.getElementById("error-summary");
        return {invalid: box.getAttribute("aria-invalid") === "true", next: list ? list.textContent.replace(/\s+/g, " ").trim() : "",
          summaryInView: !!summary && summary.getBoundingClientRect().top < window.innerHeight && summary.getBoundingClientRect().bottom > 0};
      });
      await shot(page, "reconcile-error-1280");
      await page.close();
    }

    // The ICB view at 390 px, without JavaScript (the page has none): the
    // SYNTHETIC sample by its link, then two uploaded files with a bad
    // staff row, worked out by a plain submit.
    {
      const t0 = Date.now();
      const page = await browser.newPage();
      await page.setJavaScriptEnabled(false);
      await page.setViewport({width: 390, height: 800});
      const icb = {};
      out.icb = icb;
      await page.goto(base + "/icb", {waitUntil: "load"});
      await Promise.all([page.waitForNavigation({waitUntil: "load"}), page.click("#icb-sample")]);
      icb.sampleURL = page.url().replace(base, "");
      icb.sample = await overflow(page);
      icb.inView = await inView(page, "#icb-results");
      icb.england = await page.$eval("#icb-england", (e) => e.textContent.replace(/\s+/g, " ").trim()).catch(() => "");
      icb.synthetic = await page.evaluate(() => document.body.textContent.includes("SYNTHETIC SAMPLE"));
      icb.ranked = await page.$$eval("#icb-ranked tbody tr", (rs) => rs.length).catch(() => 0);
      await shot(page, "icb-sample-390");
      await page.setJavaScriptEnabled(true); // axe is a script
      await page.reload({waitUntil: "load"});
      icb.axeSample = await axe(page);
      await page.setJavaScriptEnabled(false);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pcnfin-icb-"));
      const list = path.join(dir, "pcns.csv");
      const staff = path.join(dir, "staff.csv");
      fs.writeFileSync(list, "pcn_code,pcn_name,icb,registered,weighted,adjusted,care_home_beds\nP1,One,NHS A ICB,30000,31000,30500,10\n");
      fs.writeFileSync(staff, "pcn_code,name,role,wte,start,annual_cost\nP1,Ann,clinical_pharmacist,1,2025-04-01,50000\nP1,Bob,astronaut,1,2025-04-01,50000\n");
      await page.goto(base + "/icb", {waitUntil: "load"});
      await (await page.$("#pcn_list_file")).uploadFile(list);
      await (await page.$("#staff_file")).uploadFile(staff);
      await Promise.all([page.waitForNavigation({waitUntil: "load"}), page.click("#icb-run")]);
      icb.error = await page.evaluate(() => {
        const box = document.getElementById("staff");
        const l = document.getElementById("staff-errors");
        return {invalid: box.getAttribute("aria-invalid") === "true", next: l ? l.textContent.replace(/\s+/g, " ").trim() : "",
          results: !!document.getElementById("icb-results")};
      });
      icb.errorOverflow = await overflow(page);
      await shot(page, "icb-error-390");
      await page.setJavaScriptEnabled(true);
      icb.axeError = await axe(page);
      icb.ms = Date.now() - t0;
      await page.close();
    }

    // Download after an edit, without working it out first.
    {
      const page = await browser.newPage();
      await page.setViewport({width: 1280, height: 900});
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pcnfin-dl-"));
      const cdp = await page.createCDPSession();
      await cdp.send("Browser.setDownloadBehavior", {behavior: "allow", downloadPath: dir});
      await page.goto(base + "/", {waitUntil: "load"});
      await setCell(page, 4, "wte", "0.2");
      const dl = {};
      for (const [fmt, file] of [["csv", "forecast.csv"], ["toml", "scenario.toml"]]) {
        await page.click('button[name="format"][value="' + fmt + '"]');
        const p = path.join(dir, file);
        for (let i = 0; i < 50 && !fs.existsSync(p); i++) { await new Promise((r) => setTimeout(r, 100)); }
        dl[fmt] = fs.existsSync(p) ? fs.readFileSync(p, "utf8") : "";
      }
      out.download = {csvSocial: (dl.csv.split("\n").find((l) => l.includes("Social prescriber")) || ""),
        tomlHasEdit: /name = "Social prescriber"\nrole = "social_prescribing_link_worker"\nwte = 0\.2/.test(dl.toml), tomlCRLF: dl.toml.includes("\r\n")};
      await page.close();
    }

    // Without JavaScript: a plain submit lands at the results.
    {
      const page = await browser.newPage();
      await page.setJavaScriptEnabled(false);
      await page.setViewport({width: 1280, height: 900});
      await page.goto(base + "/", {waitUntil: "load"});
      await Promise.all([page.waitForNavigation({waitUntil: "load"}), page.click("#run")]);
      out.noJS = {url: page.url().replace(base, ""), resultsInView: await inView(page, "#results")};
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

main().then(() => { process.stdout.write(JSON.stringify(out, null, 1) + "\n"); },
  (e) => { out.fatal = String(e && e.stack || e); process.stdout.write(JSON.stringify(out, null, 1) + "\n"); process.exitCode = 1; });
