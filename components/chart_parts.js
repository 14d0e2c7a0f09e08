// Parts both canvas charts use (live_chart.js, surface_chart.js): the Python side puts this file in front of each
// chart's own script, so each component stays one module.

// A chart's elements inside `root`: a title, a legend, the canvas and a hover tip, under one box of class `name`
// (its parts: `name`-title, -legend, -tip). Texts go in with textContent only.
function chartElements(root, name) {
  const part = (tag, suffix) => {
    const element = document.createElement(tag);
    if (suffix) element.className = `${name}-${suffix}`;
    return element;
  };
  const box = part("div"), title = part("div", "title"), legend = part("div", "legend");
  const canvas = part("canvas"), tip = part("div", "tip");
  box.className = name;
  box.append(title, legend, canvas, tip);
  root.appendChild(box);
  return { box, title, legend, canvas, tip };
}

// Fit the chart's canvas to its box's width and `height` px (sharp on any pixel ratio) and clear it: the drawing
// context, the width and the pixel ratio.
function sizeCanvas(chart, height) {
  const { canvas, box } = chart;
  const width = Math.max(box.clientWidth, 200), ratio = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
  }
  const g = canvas.getContext("2d");
  g.setTransform(ratio, 0, 0, ratio, 0, 0);
  g.clearRect(0, 0, width, height);
  g.font = "11px sans-serif";
  return { g, width, ratio };
}

// The legend: one entry per [colour, text, symbol] (a line in the colour, or the symbol), rebuilt only when it
// changed.
function setLegend(chart, items) {
  const key = JSON.stringify(items);
  if (key === chart.legendKey) return;
  chart.legendKey = key;
  chart.legend.replaceChildren(...items.map(([colour, text, symbol]) => {
    const item = document.createElement("span");
    const swatch = document.createElement(symbol ? "b" : "i");
    if (symbol) swatch.textContent = symbol; else swatch.style.background = colour;
    item.append(swatch, document.createTextNode(text));
    return item;
  }));
}

// Round-number ticks from lo to hi, about `count` of them.
function niceTicks(lo, hi, count) {
  const raw = (hi - lo) / count, power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  const ticks = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

// Log-axis ticks: the decades in range (every second, third... when there are more than eight), else 2 and 5 times
// them, else every digit, until there are at least three.
function logTicks(lo, hi) {
  const first = Math.ceil(Math.log10(lo)), last = Math.floor(Math.log10(hi));
  if (last - first + 1 > 8) {
    const every = Math.ceil((last - first + 1) / 8), ticks = [];
    for (let p = first; p <= last; p += every) ticks.push(Number(`1e${p}`));
    return ticks;
  }
  for (const digits of [[1], [1, 2, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9]]) {
    const ticks = [];
    for (let p = Math.floor(Math.log10(lo)); p <= Math.ceil(Math.log10(hi)); p++) {
      for (const d of digits) {
        const v = Number(`${d}e${p}`);
        if (v >= lo && v <= hi) ticks.push(v);
      }
    }
    if (ticks.length >= 3 || digits.length === 9) return ticks;
  }
}

// A number as an axis or a tip shows it: three significant digits, very small and very large ones as 1e-7.
function label(v) {
  if (v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e5)) return v.toExponential(2).replace(/\.?0+e/, "e").replace("e+", "e");
  return String(Number(v.toPrecision(3)));
}

