/* videorace site: draws every chart of the page from its JSON (one template, chart-template.js),
   adapts it to the screen, and wires the chart/table toggle, sortable tables and the filters. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  var SMALL = window.matchMedia("(max-width: 640px)").matches;
  var GROUP_OF = {"China": "CN", "United States": "US", "U.S.": "US", "Other countries": "other",
                  "Unknown country": "unknown"};

  function groupOf(trace) {
    if (trace.meta && trace.meta.group) return trace.meta.group;
    var name = String(trace.legendgroup || trace.name || "");
    for (var label in GROUP_OF) { if (name.indexOf(label) >= 0) return GROUP_OF[label]; }
    return null;
  }

  function shorten(text, n) { text = String(text); return text.length > n ? text.slice(0, n - 1) + "…" : text; }

  // The margins a chart most likely ends with. Automargin grows a margin to fit the labels, but
  // each growth redraws the whole chart (a third of a page's drawing time when every chart starts
  // from 10 px). Starting from a low estimate of the end size (never above it, so no chart gets
  // wider margins than before) skips that redraw for most charts; longer labels still grow it.
  function likelyMargin(layout, data) {
    var m = SMALL ? {l: 6, r: 6, t: 8, b: 8} : {l: 10, r: 10, t: 10, b: 10};
    var named = data.filter(function (t) { return t.showlegend !== false && t.name; }).length;
    if (layout.showlegend !== false && named > 1) m.t = SMALL ? 41 : 45;  // a one-line legend above
    var x = firstValue(data, "x", "string"), xAxis = layout.xaxis || {};
    if (typeof x === "string" && /^\d{4}-\d{2}/.test(x)) m.b = SMALL ? 21 : 26;  // one row of dates
    else if (xAxis.type === "log") m.b = SMALL ? 45 : 51;  // numbers and the axis title
    // y tick labels: as many characters as the largest value has digits (40k above 9,999)
    var yMax = 0;
    data.forEach(function (t) {
      (Array.isArray(t.y) ? t.y : []).forEach(function (v) { if (typeof v === "number") yMax = Math.max(yMax, Math.abs(v)); });
    });
    var yAxis = layout.yaxis || {};
    if (yMax > 0 && !yAxis.type && yAxis.title && yAxis.title.text) {
      var chars = yMax >= 10000 ? 3 : Math.max(1, Math.floor(Math.log10(yMax)) + 1);
      m.l = SMALL ? 31 + 7 * chars : 36 + Math.floor(7.5 * chars);
    }
    return m;
  }

  function firstValue(data, key, type) {
    for (var i = 0; i < data.length; i++) {
      var values = Array.isArray(data[i][key]) ? data[i][key] : [];
      for (var j = 0; j < values.length; j++) { if (typeof values[j] === type) return values[j]; }
    }
    return null;
  }

  function adapt(layout, data) {
    layout.template = window.VR_TEMPLATE;
    layout.autosize = true;
    var guess = likelyMargin(layout, data);
    ["xaxis", "yaxis", "xaxis2", "yaxis2"].forEach(function (k) {
      if (layout[k] || k === "xaxis" || k === "yaxis") {
        layout[k] = Object.assign({automargin: true}, layout[k] || {});
      }
    });
    var asked = layout.margin || {};
    ["l", "r", "t", "b"].forEach(function (k) { if (!SMALL && asked[k] > guess[k]) guess[k] = asked[k]; });
    layout.margin = guess;  // on a phone the figure's own (wider) margins give way to the small screen
    if (!SMALL) return;
    layout.font = Object.assign({}, layout.font || {}, {size: 11});
    // daily bars are a pixel or two wide on a phone: the template's white outline would wash them out
    data.forEach(function (t) {
      if (t.type === "bar") t.marker = Object.assign({}, t.marker || {}, {line: {width: 0}});
    });
    layout.legend = Object.assign({}, layout.legend || {},
                                  {orientation: "h", x: 0, xanchor: "left", y: 1.02, yanchor: "bottom"});
    // long category labels on a phone: shortened on the axis, whole in the hover and the table
    ["xaxis", "yaxis"].forEach(function (k) {
      var axis = layout[k];
      var cats = [];
      data.forEach(function (t) {
        var values = (k === "xaxis" ? t.x : t.y) || [];
        values.forEach(function (v) { if (typeof v === "string" && cats.indexOf(v) < 0) cats.push(v); });
      });
      var isDate = cats.length && cats.every(function (c) { return /^\d{4}-\d{2}-\d{2}/.test(c); });
      if (cats.length && !isDate && cats.some(function (c) { return c.length > 24; })) {
        axis.tickmode = "array";
        axis.tickvals = cats;
        axis.ticktext = cats.map(function (c) { return shorten(c, 24); });
      }
      if (axis.title && typeof axis.title.text === "string") axis.title.text = shorten(axis.title.text, 38);
    });
  }

  function draw(section) {
    var div = section.querySelector(".plot");
    var spec = document.getElementById("fig-" + section.id);
    if (!div || !spec || !window.Plotly) return null;
    var fig = JSON.parse(spec.textContent);
    var layout = fig.layout || {};
    adapt(layout, fig.data || []);
    var config = {responsive: true, displaylogo: false, displayModeBar: SMALL ? false : "hover",
                  modeBarButtonsToRemove: ["lasso2d", "select2d"]};
    return Plotly.newPlot(div, fig.data || [], layout, config).then(function () {
      div.setAttribute("data-drawn", "1");
      section.initialRange = (layout.xaxis || {}).range || null;
    });
  }

  function cellValue(td) {
    var v = td.getAttribute("data-sort");
    if (v === null) v = td.textContent;
    var n = parseFloat(v);
    return (v !== "" && !isNaN(n) && /^-?[\d.]+(e-?\d+)?$/i.test(v.trim())) ? n : v.toLowerCase();
  }

  function sortable(table) {
    var heads = table.querySelectorAll("thead th");
    heads.forEach(function (th, col) {
      var button = th.querySelector(".sort");
      if (!button) return;
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a.cells[col]), y = cellValue(b.cells[col]);
          if (x === y) return 0;
          if (x === "" || x === "—") return 1;
          if (y === "" || y === "—") return -1;
          return (x < y ? -1 : 1) * (ascending ? 1 : -1);
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  // The filters read a row's country (data-group) and date (data-date); the table names the columns
  // they come from (data-group-col, data-date-col) instead of every row repeating them.
  var GROUPS = ["CN", "US", "other", "unknown"];
  function prepareTable(table) { tagRows(table); sortable(table); }

  function tagRows(table) {
    var g = table.getAttribute("data-group-col"), d = table.getAttribute("data-date-col");
    if (g === null && d === null) return;
    Array.prototype.forEach.call(table.tBodies[0].rows, function (tr) {
      var group = g === null ? "—" : tr.cells[+g].textContent;
      var day = d === null ? "—" : tr.cells[+d].textContent;
      if (group !== "—") tr.setAttribute("data-group", GROUPS.indexOf(group) >= 0 ? group : "other");
      if (day && day !== "—") tr.setAttribute("data-date", day.slice(0, 10));
    });
  }

  // A chart's table arrives as <noscript> text (cheap to parse while charts draw); it becomes the
  // table the first time it is shown, and then sorts and follows the filters like any other.
  function materialise(view) {
    var src = view && view.querySelector("noscript.table-src");
    if (!src) return;
    src.insertAdjacentHTML("afterend", src.textContent);
    src.remove();
    view.querySelectorAll("table.sortable").forEach(prepareTable);
    var form = document.querySelector("form.filters");
    var section = view.closest("section.chart");
    if (form && section && section.hasAttribute("data-timeseries")) filterRows(section, filterState(form));
  }

  function toggle(section) {
    var button = section.querySelector("button.view-toggle");
    if (!button) return;
    var plot = section.querySelector(".plot");
    var table = section.querySelector(".table-view");
    button.addEventListener("click", function () {
      var showTable = button.getAttribute("aria-pressed") !== "true";
      if (showTable) materialise(table);
      button.setAttribute("aria-pressed", showTable ? "true" : "false");
      button.textContent = showTable ? "Show chart" : "Show table";
      table.classList.toggle("shown", showTable);
      plot.classList.toggle("hidden", showTable);
      if (!showTable && window.Plotly) Plotly.Plots.resize(plot);
    });
  }

  function filterState(form) {
    var groups = {};
    form.querySelectorAll("input[name=group]").forEach(function (box) { groups[box.value] = box.checked; });
    return {groups: groups, from: form.querySelector("input[name=from]").value,
            to: form.querySelector("input[name=to]").value,
            min: form.querySelector("input[name=from]").min, max: form.querySelector("input[name=to]").max};
  }

  function filterRows(section, f) {
    section.querySelectorAll("tbody tr").forEach(function (tr) {
      var g = tr.getAttribute("data-group"), d = tr.getAttribute("data-date");
      var out = (g && f.groups[g] === false) || (d && f.from && d < f.from) || (d && f.to && d > f.to);
      tr.classList.toggle("filtered", !!out);
    });
  }

  function applyFilters(form) {
    var f = filterState(form);
    document.querySelectorAll("section.chart[data-timeseries]").forEach(function (section) {
      var div = section.querySelector(".plot");
      if (div && div.data) {
        var visible = div.data.map(function (t) {
          var g = groupOf(t);
          return g === null || f.groups[g] !== false;
        });
        var range = (f.from || f.to) ? [f.from || f.min, f.to || f.max] : section.initialRange;
        Plotly.update(div, {visible: visible},
                      range ? {"xaxis.range": range, "xaxis.autorange": false} : {"xaxis.autorange": true});
      }
      filterRows(section, f);
    });
  }

  function filters() {
    var form = document.querySelector("form.filters");
    if (!form) return;
    form.addEventListener("change", function () { applyFilters(form); });
    form.addEventListener("reset", function () { setTimeout(function () { applyFilters(form); }, 0); });
    form.addEventListener("submit", function (e) { e.preventDefault(); applyFilters(form); });
  }

  function onFirstScreen(section) {
    var box = section.getBoundingClientRect();
    return box.top < window.innerHeight && box.bottom > 0;
  }

  function nextTask() { return new Promise(function (resolve) { setTimeout(resolve, 0); }); }

  // Every chart is drawn at once, not when scrolled to; those on the first screen (the one a
  // permalink opens at) go first and the browser paints between charts, so the reader sees the
  // first screen drawn before the rest. Both moments are marked for benchmarks.site_bench.
  function start() {
    var sections = Array.prototype.slice.call(document.querySelectorAll("section.chart"));
    sections.forEach(toggle);
    document.querySelectorAll("table.sortable").forEach(prepareTable);
    filters();
    var first = sections.filter(onFirstScreen);
    var order = first.concat(sections.filter(function (s) { return first.indexOf(s) < 0; }));
    var done = 0;
    function mark(name) { root.setAttribute(name, String(Math.round(performance.now()))); }
    if (!first.length) mark("data-first-screen-drawn-ms");
    order.reduce(function (previous, section) {
      return previous.then(function () { return draw(section); }).then(function () {
        done += 1;
        if (done === first.length) mark("data-first-screen-drawn-ms");
        return done < order.length ? nextTask() : null;
      });
    }, Promise.resolve()).then(function () {
      mark("data-charts-drawn-ms");
      root.setAttribute("data-charts-drawn", String(sections.length));
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
