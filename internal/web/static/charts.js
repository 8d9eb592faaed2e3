// charts.js draws the charts of a page with Apache ECharts (vendored):
// each <div class="chart" data-chart="…"> carries its data as JSON —
// {kind: "bar"|"line"|"pie", x: [labels], series: [{name, data, kind}],
// unit: "%", horizontal: bool, stack: bool, colors: [css colours],
// max: the value axis's top when every value is 0} — so
// that no script is written inline
// (the content security policy forbids it) and the data stays escaped.
(function () {
  "use strict";
  var palette = ["#2a62ad", "#17794a", "#a15c07", "#b42318", "#6b7685", "#7a4fb0"];

  function option(spec) {
    var unit = spec.unit || "";
    var fmt = function (v) { return v + unit; };
    var colors = spec.colors || palette;
    if (spec.kind === "pie") {
      return {
        color: colors,
        // Drawn at once like the other charts: a page printed or saved
        // just after it loads shows the whole ring, not a growing sliver.
        animation: false,
        tooltip: { trigger: "item" },
        legend: { bottom: 0 },
        series: [{ type: "pie", radius: ["35%", "65%"], data: spec.x.map(function (name, i) {
          return { name: name, value: spec.series[0].data[i] };
        }), label: { formatter: "{b}：{c}" } }]
      };
    }
    // Long names (a plan's title, a unit's) are cut to the label's width
    // with an ellipsis; the whole name is in the tooltip and, on hover, in
    // the chart's title. Many labels under a vertical chart are turned.
    var many = !spec.horizontal && spec.x.length > 6 && spec.x.some(function (l) { return l.length > 4; });
    var category = { type: "category", data: spec.x, triggerEvent: true,
      axisLabel: { interval: 0, hideOverlap: !spec.horizontal, overflow: "truncate", ellipsis: "…",
        width: spec.horizontal ? 150 : (many ? 90 : 110), rotate: many ? 30 : 0 } };
    var blank = spec.series.every(function (s) { return s.data.every(function (v) { return !v; }); });
    var value = { type: "value", min: 0, max: blank && spec.max ? spec.max : undefined, interval: blank && spec.max ? spec.max / 4 : undefined,
      minInterval: unit ? undefined : 1, splitNumber: spec.horizontal ? 4 : 5, axisLabel: { formatter: fmt } };
    return {
      color: colors,
      animation: false,
      tooltip: { trigger: "axis", valueFormatter: fmt },
      legend: spec.series.length > 1 ? { top: 0 } : undefined,
      grid: { left: 8, right: 24, top: spec.series.length > 1 ? 32 : 12, bottom: 8, containLabel: true },
      xAxis: spec.horizontal ? value : category,
      yAxis: spec.horizontal ? Object.assign({}, category, { inverse: true }) : value,
      series: spec.series.map(function (s) {
        return { name: s.name, type: s.kind || spec.kind, data: s.data, barMaxWidth: 28, smooth: false,
          stack: spec.stack ? "all" : undefined,
          label: { show: !spec.stack && spec.x.length <= 12, position: spec.horizontal ? "right" : "top",
            formatter: function (p) { return p.value ? p.value + unit : ""; } } };
      })
    };
  }

  function draw() {
    if (!window.echarts) { return; }
    document.querySelectorAll(".chart[data-chart]").forEach(function (el) {
      var spec = JSON.parse(el.getAttribute("data-chart"));
      spec.x = spec.x || []; // a chart with nothing yet comes with null lists
      spec.series.forEach(function (s) { s.data = s.data || []; });
      var blank = spec.series.every(function (s) { return s.data.every(function (v) { return !v; }); });
      if (spec.kind === "pie" && blank) { // no slice to draw: the words under it say so
        el.style.height = "0";
        return;
      }
      if (spec.horizontal) { el.style.height = Math.max(220, spec.x.length * 28 + 60) + "px"; }
      var chart = window.echarts.init(el, null, { renderer: "canvas" });
      chart.setOption(option(spec));
      // The canvas has no title of its own: a cut label shows its whole
      // name as the chart's title while the pointer is on it.
      chart.on("mouseover", function (p) {
        if (p.componentType === "xAxis" || p.componentType === "yAxis") { el.title = p.value; }
      });
      chart.on("mouseout", function () { el.removeAttribute("title"); });
      el.setAttribute("data-drawn", "1");
      window.addEventListener("resize", function () { chart.resize(); });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
