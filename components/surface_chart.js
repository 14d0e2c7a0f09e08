// The surface page's charts, drawn on a canvas in the page (a Streamlit v2 component, no iframe), in two modes:
// "paths": f over the function's range as colour bands and contour lines, the minima, saddle points and start, and
//          each racer's path so far; hovering names a point, a click sends its (x, y) back as the new start.
// "values": f at each step, one line per racer.
// The element stays mounted while a walk plays, so a redraw replaces the picture in one frame and the chart is
// never blank. Every number comes from the server (torch); texts are set with textContent or drawn on the canvas,
// never parsed as HTML.

const VIRIDIS = ["#440154", "#482878", "#3e4989", "#31688e", "#26828e", "#1f9e89", "#35b779", "#6ece58", "#b5de2b",
                 "#fde725"];

function store(root) {
  if (!root.__surface) {
    const { box, title, legend, canvas, tip } = chartElements(root, "tp-surface-chart");
    const chart = root.__surface = { box, title, legend, canvas, tip, data: null, frame: 0, background: null, draws: 0 };
    canvas.addEventListener("mousemove", (event) => hover(chart, event));
    canvas.addEventListener("mouseleave", () => { chart.tip.style.display = "none"; });
    canvas.addEventListener("click", (event) => click(chart, event));
    new ResizeObserver(() => schedule(chart)).observe(box);
  }
  return root.__surface;
}

function schedule(chart) {
  if (!chart.frame) chart.frame = requestAnimationFrame(() => { chart.frame = 0; draw(chart); });
}

function hexRgb(hex) {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

// The colour at t in [0, 1] on viridis.
function viridis(t) {
  const at = Math.min(Math.max(t, 0), 1) * (VIRIDIS.length - 1), i = Math.min(Math.floor(at), VIRIDIS.length - 2);
  const a = hexRgb(VIRIDIS[i]), b = hexRgb(VIRIDIS[i + 1]), f = at - i;
  return a.map((v, k) => Math.round(v + (b[k] - v) * f));
}

// ---- the paths chart ----------------------------------------------------------------------------------------

const PATHS_PAD = { left: 45, right: 64, top: 6, bottom: 36 };

// The plot's box: as large as fits, with one scale for x and y (a narrow valley looks narrow).
function pathsPlot(data, width, height) {
  const [x0, x1] = data.x_range, [y0, y1] = data.y_range;
  const w = width - PATHS_PAD.left - PATHS_PAD.right, h = height - PATHS_PAD.top - PATHS_PAD.bottom;
  const scale = Math.min(w / (x1 - x0), h / (y1 - y0));
  const pw = (x1 - x0) * scale, ph = (y1 - y0) * scale;
  const px = PATHS_PAD.left + (w - pw) / 2, py = PATHS_PAD.top + (h - ph) / 2;
  return { x: px, y: py, w: pw, h: ph, sx: (x) => px + (x - x0) * scale, sy: (y) => py + ph - (y - y0) * scale,
           fx: (cx) => x0 + (cx - px) / scale, fy: (cy) => y0 + (py + ph - cy) / scale };
}

// f between grid samples (bilinear), at grid coordinates (gx, gy); null where a corner is missing.
function sample(grid, gx, gy) {
  const n = grid.n, i = Math.min(Math.floor(gx), n - 2), j = Math.min(Math.floor(gy), n - 2);
  const fx = gx - i, fy = gy - j, z = grid.z;
  const a = z[j * n + i], b = z[j * n + i + 1], c = z[(j + 1) * n + i], d = z[(j + 1) * n + i + 1];
  if (a === null || b === null || c === null || d === null) return null;
  return (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy;
}

// The colour bands and contour lines, drawn once per function and size into a canvas of their own.
function background(grid, plot, ratio) {
  const w = Math.max(1, Math.round(plot.w * ratio)), h = Math.max(1, Math.round(plot.h * ratio));
  const layer = document.createElement("canvas");
  layer.width = w; layer.height = h;
  const g = layer.getContext("2d"), image = g.createImageData(w, h), n = grid.n;
  const span = grid.hi - grid.lo || 1, bands = grid.levels;
  const colours = Array.from({ length: bands }, (_, k) => viridis((k + 0.5) / bands));  // one a band
  for (let py = 0; py < h; py++) {
    const gy = (1 - (py + 0.5) / h) * (n - 1);
    for (let px = 0; px < w; px++) {
      const z = sample(grid, ((px + 0.5) / w) * (n - 1), gy), o = (py * w + px) * 4;
      const band = Math.min(Math.max(Math.floor(((z - grid.lo) / span) * bands), 0), bands - 1);  // rounding may step out
      const rgb = z === null ? [222, 226, 230] : colours[band];
      image.data[o] = rgb[0]; image.data[o + 1] = rgb[1]; image.data[o + 2] = rgb[2]; image.data[o + 3] = 255;
    }
  }
  g.putImageData(image, 0, 0);
  // contour lines where f crosses each band's edge (marching squares, one segment per grid cell and level)
  const cx = (i) => (i / (n - 1)) * w, cy = (j) => (1 - j / (n - 1)) * h;
  g.strokeStyle = "rgba(0, 0, 0, 0.28)";
  g.lineWidth = 0.6 * ratio;
  g.beginPath();
  for (let j = 0; j < n - 1; j++) {
    for (let i = 0; i < n - 1; i++) {
      const corners = [[i, j], [i + 1, j], [i + 1, j + 1], [i, j + 1]].map(([a, b]) => [a, b, grid.z[b * n + a]]);
      if (corners.some((c) => c[2] === null)) continue;
      const values = corners.map((c) => c[2]), low = Math.min(...values), high = Math.max(...values);
      // only the levels between the cell's lowest and highest corner cross it
      for (let k = Math.max(1, Math.ceil(((low - grid.lo) / span) * bands)); k < bands; k++) {
        const level = grid.lo + (span * k) / bands;
        if (level > high) break;
        const crossings = [];
        for (let e = 0; e < 4; e++) {
          const [ax, ay, az] = corners[e], [bx, by, bz] = corners[(e + 1) % 4];
          if ((az < level) !== (bz < level)) {
            const t = (level - az) / (bz - az);
            crossings.push([cx(ax + (bx - ax) * t), cy(ay + (by - ay) * t)]);
          }
        }
        for (let c = 0; c + 1 < crossings.length; c += 2) {
          g.moveTo(...crossings[c]); g.lineTo(...crossings[c + 1]);
        }
      }
    }
  }
  g.stroke();
  return layer;
}

function star(g, x, y, r) {
  g.beginPath();
  for (let k = 0; k < 10; k++) {
    const a = -Math.PI / 2 + (k * Math.PI) / 5, rr = k % 2 ? r * 0.45 : r;
    g.lineTo(x + rr * Math.cos(a), y + rr * Math.sin(a));
  }
  g.closePath();
}

function pathsLegend(data) {
  const marks = (data.minima.length ? [["", data.text.minimum, "★"]] : []).concat(
    data.start ? [["", data.text.start, "○"]] : [], data.saddles.length ? [["", data.text.saddle, "✕"]] : []);
  return data.racers.map((r) => [r.colour, r.name]).concat(marks);
}

function drawPaths(chart, data, height) {
  const { g, width, ratio } = sizeCanvas(chart, height);
  const plot = pathsPlot(data, width, height), grid = data.grid;
  const bgKey = `${grid.key}/${plot.w}x${plot.h}@${ratio}`;
  if (!chart.background || chart.background.key !== bgKey) {
    chart.background = { key: bgKey, layer: background(grid, plot, ratio) };
  }
  g.drawImage(chart.background.layer, plot.x, plot.y, plot.w, plot.h);
  g.strokeStyle = "#adb5bd";
  g.lineWidth = 1;
  g.strokeRect(plot.x, plot.y, plot.w, plot.h);
  // axes
  g.fillStyle = "#495057";
  g.textAlign = "center";
  for (const v of niceTicks(data.x_range[0], data.x_range[1], 6)) g.fillText(label(v), plot.sx(v), plot.y + plot.h + 14);
  g.fillText("x", plot.x + plot.w / 2, plot.y + plot.h + 30);
  g.textAlign = "right";
  for (const v of niceTicks(data.y_range[0], data.y_range[1], 6)) g.fillText(label(v), plot.x - 5, plot.sy(v) + 4);
  g.fillText("y", plot.x - 32, plot.y + plot.h / 2);
  // the colour bar: the bands' values
  const barX = plot.x + plot.w + 10, span = grid.hi - grid.lo || 1;
  for (let k = 0; k < grid.levels; k++) {
    const rgb = viridis((k + 0.5) / grid.levels);
    g.fillStyle = `rgb(${rgb})`;
    g.fillRect(barX, plot.y + plot.h - ((k + 1) * plot.h) / grid.levels, 10, plot.h / grid.levels + 0.5);
  }
  g.fillStyle = "#495057";
  g.textAlign = "left";
  for (const v of niceTicks(grid.lo, grid.hi, 5)) {
    g.fillText(label(v), barX + 13, plot.y + plot.h - ((v - grid.lo) / span) * plot.h + 4);
  }
  g.save();
  g.translate(width - 4, plot.y + plot.h / 2); g.rotate(-Math.PI / 2); g.textAlign = "center";
  g.fillText(data.text.colorbar, 0, 0);
  g.restore();
  // the paths, then the marks on top
  g.save();
  g.beginPath(); g.rect(plot.x, plot.y, plot.w, plot.h); g.clip();
  let drawn = 0;
  data.racers.forEach((racer) => {
    const p = racer.points;
    if (p.length < 2) return;
    g.strokeStyle = g.fillStyle = racer.colour;
    g.lineWidth = 2;
    g.beginPath();
    for (let k = 0; k + 1 < p.length; k += 2) (k ? g.lineTo : g.moveTo).call(g, plot.sx(p[k]), plot.sy(p[k + 1]));
    g.stroke();
    for (let k = 0; k + 1 < p.length; k += 2) {
      g.beginPath(); g.arc(plot.sx(p[k]), plot.sy(p[k + 1]), k + 2 >= p.length ? 4 : 2, 0, 2 * Math.PI); g.fill();
    }
    drawn += p.length / 2;
  });
  g.fillStyle = "white"; g.strokeStyle = "black"; g.lineWidth = 1.5;
  data.minima.forEach(([x, y]) => { star(g, plot.sx(x), plot.sy(y), 8); g.fill(); g.stroke(); });
  data.saddles.forEach(([x, y]) => {
    const cx = plot.sx(x), cy = plot.sy(y);
    g.lineWidth = 4; g.strokeStyle = "white"; g.beginPath();
    g.moveTo(cx - 6, cy - 6); g.lineTo(cx + 6, cy + 6); g.moveTo(cx + 6, cy - 6); g.lineTo(cx - 6, cy + 6); g.stroke();
    g.lineWidth = 2; g.strokeStyle = "black"; g.stroke();
  });
  if (data.start) {
    g.strokeStyle = "black"; g.lineWidth = 2.5;
    g.beginPath(); g.arc(plot.sx(data.start[0]), plot.sy(data.start[1]), 7, 0, 2 * Math.PI); g.stroke();
  }
  g.restore();
  chart.plot = plot;
  Object.assign(chart.box.dataset, { points: String(drawn), plot: [plot.x, plot.y, plot.w, plot.h].join(",") });
}

// The racer's point nearest the cursor (within 8 px): its racer, step and place.
function nearest(chart, x, y) {
  let best = null;
  chart.data.racers.forEach((racer) => {
    for (let k = 0; k + 1 < racer.points.length; k += 2) {
      const d = Math.hypot(chart.plot.sx(racer.points[k]) - x, chart.plot.sy(racer.points[k + 1]) - y);
      if (d < 8 && (!best || d < best.d)) best = { d, racer, step: k / 2 };
    }
  });
  return best;
}

function inPlot(plot, x, y) {
  return x >= plot.x && x <= plot.x + plot.w && y >= plot.y && y <= plot.y + plot.h;
}

function click(chart, event) {
  const data = chart.data, plot = chart.plot;
  if (!data || data.mode !== "paths" || !plot) return;
  const rect = chart.canvas.getBoundingClientRect(), x = event.clientX - rect.left, y = event.clientY - rect.top;
  if (inPlot(plot, x, y)) chart.setTriggerValue("click", { x: plot.fx(x), y: plot.fy(y) });
}

// ---- the values chart ---------------------------------------------------------------------------------------

const VALUES_PAD = { left: 52, right: 10, top: 6, bottom: 34 };

function drawValues(chart, data, height) {
  const { g, width } = sizeCanvas(chart, height);
  const plot = { x: VALUES_PAD.left, y: VALUES_PAD.top, w: width - VALUES_PAD.left - VALUES_PAD.right,
                 h: height - VALUES_PAD.top - VALUES_PAD.bottom };
  const all = data.racers.flatMap((r) => r.values).filter((v) => v !== null && (!data.log || v > 0));
  const f = data.log ? Math.log10 : (v) => v;
  let lo = all.length ? Math.min(...all.map(f)) : 0, hi = all.length ? Math.max(...all.map(f)) : 1;
  const pad = Math.max((hi - lo) * 0.05, data.log ? 0.05 : 1e-6);
  lo -= pad; hi += pad;
  const steps = Math.max(data.steps, 1);
  const sx = (s) => plot.x + (s / steps) * plot.w, sy = (v) => plot.y + plot.h - ((f(v) - lo) / (hi - lo)) * plot.h;
  g.fillStyle = "#495057"; g.strokeStyle = "#e9ecef"; g.lineWidth = 1; g.textAlign = "center";
  for (const s of niceTicks(0, steps, 6)) {
    g.beginPath(); g.moveTo(sx(s), plot.y); g.lineTo(sx(s), plot.y + plot.h); g.stroke();
    g.fillText(label(s), sx(s), plot.y + plot.h + 14);
  }
  g.fillText(data.text.step, plot.x + plot.w / 2, height - 4);
  g.textAlign = "right";
  const ticks = data.log ? logTicks(10 ** lo, 10 ** hi) : niceTicks(lo, hi, 5);
  for (const v of ticks) {
    g.beginPath(); g.moveTo(plot.x, sy(v)); g.lineTo(plot.x + plot.w, sy(v)); g.stroke();
    g.fillText(label(v), plot.x - 4, sy(v) + 4);
  }
  g.save();
  g.translate(12, plot.y + plot.h / 2); g.rotate(-Math.PI / 2); g.textAlign = "center"; g.fillText("f", 0, 0);
  g.restore();
  g.strokeStyle = "#adb5bd"; g.strokeRect(plot.x, plot.y, plot.w, plot.h);
  g.save();
  g.beginPath(); g.rect(plot.x, plot.y, plot.w, plot.h); g.clip();
  let drawn = 0;
  data.racers.forEach((racer) => {
    g.strokeStyle = racer.colour; g.lineWidth = 1.5; g.beginPath();
    let open = false;
    racer.values.forEach((v, s) => {
      if (v === null || (data.log && v <= 0)) { open = false; return; }
      if (open) g.lineTo(sx(s), sy(v)); else g.moveTo(sx(s), sy(v));
      open = true;
      drawn++;
    });
    g.stroke();
  });
  g.restore();
  chart.plot = { ...plot, sx, steps };
  chart.box.dataset.points = String(drawn);
}

// ---- both -----------------------------------------------------------------------------------------------------

function hover(chart, event) {
  const data = chart.data, plot = chart.plot;
  if (!data || !plot) return;
  const rect = chart.canvas.getBoundingClientRect(), x = event.clientX - rect.left, y = event.clientY - rect.top;
  let lines = null;
  if (data.mode === "paths") {
    const hit = nearest(chart, x, y);
    if (hit) {
      const p = hit.racer.points, f = hit.racer.values[hit.step];
      lines = [hit.racer.name, `${data.text.step} ${hit.step}`,
               `x=${label(p[2 * hit.step])}, y=${label(p[2 * hit.step + 1])}`].concat(f === null ? [] : [`f=${label(f)}`]);
    } else if (inPlot(plot, x, y)) {
      lines = [`x=${label(plot.fx(x))}, y=${label(plot.fy(y))}`, data.text.hint];
    }
  } else if (inPlot(plot, x, y)) {
    const step = Math.round(((x - plot.x) / plot.w) * plot.steps);
    const shown = data.racers.filter((r) => r.values[step] !== undefined && r.values[step] !== null);
    if (shown.length) lines = [`${data.text.step} ${step}`].concat(shown.map((r) => `${r.name}: ${label(r.values[step])}`));
  }
  if (!lines) { chart.tip.style.display = "none"; return; }
  chart.tip.replaceChildren(...lines.map((text) => Object.assign(document.createElement("div"), { textContent: text })));
  Object.assign(chart.tip.style, { display: "block", left: `${Math.min(x + 12, rect.width - 200)}px`, top: `${y + 36}px` });
}

function draw(chart) {
  const data = chart.data;
  chart.title.textContent = data.text.title;
  setLegend(chart, data.mode === "paths" ? pathsLegend(data) : []);
  // the title and legend (which wraps with many racers) come out of the chart's height, so it never grows
  let height = Math.max(data.height - chart.title.offsetHeight - chart.legend.offsetHeight, 160);
  if (data.mode === "paths") {  // no taller than the plot, at one scale for x and y, needs at this width
    const width = Math.max(chart.box.clientWidth, 200) - PATHS_PAD.left - PATHS_PAD.right;
    const aspect = (data.y_range[1] - data.y_range[0]) / (data.x_range[1] - data.x_range[0]);
    height = Math.min(height, Math.ceil(width * aspect) + PATHS_PAD.top + PATHS_PAD.bottom);
    drawPaths(chart, data, height);
  } else {
    drawValues(chart, data, height);
  }
  chart.box.dataset.draws = String(++chart.draws);
}

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  if (!data) return;
  const chart = store(parentElement);
  Object.assign(chart, { data, setTriggerValue });
  schedule(chart);
}
