// charts.js draws the charts of a page with Apache ECharts (vendored):
// each <div class="chart" data-chart="…"> carries its data as JSON —
// {kind: "bar"|"line"|"pie", x: [labels], series: [{name, data, kind}],
// unit: "%", horizontal: bool, stack: bool, colors: [css colours]} — so
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
        tooltip: { trigger: "item" },
        legend: { bottom: 0 },
        series: [{ type: "pie", radius: ["35%", "65%"], data: spec.x.map(function (name, i) {
          return { name: name, value: spec.series[0].data[i] };
        }), label: { formatter: "{b}：{c}" } }]
      };
    }
    var category = { type: "category", data: spec.x, axisLabel: { interval: 0, hideOverlap: true } };
    var value = { type: "value", axisLabel: { formatter: fmt } };
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
          label: { show: !spec.stack && spec.x.length <= 12, position: spec.horizontal ? "right" : "top", formatter: function (p) { return p.value + unit; } } };
      })
    };
  }

  function draw() {
    if (!window.echarts) { return; }
    document.querySelectorAll(".chart[data-chart]").forEach(function (el) {
      var spec = JSON.parse(el.getAttribute("data-chart"));
      if (spec.horizontal) { el.style.height = Math.max(220, spec.x.length * 28 + 60) + "px"; }
      var chart = window.echarts.init(el, null, { renderer: "canvas" });
      chart.setOption(option(spec));
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
