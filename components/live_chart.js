// The Training lab's live loss chart: a canvas drawn here, in the page, fed only the new steps of each tick.
// Streamlit calls the default export again with each new `data`; the points received so far are kept on the
// component's root element, so a tick only appends. Every text is set with textContent or drawn on the canvas,
// never parsed as HTML (racer names come from the user).
//
// Drawing is decoupled from stepping: a tick brings several steps at once (a few ticks a second reach the page),
// and while the race plays they are drawn one after another over about one tick's time, on animation frames, so
// the curves grow smoothly instead of jumping. Every point drawn is one the race computed; the chart runs at most
// one tick behind the race, and shows everything at once when the race is paused.

const HEIGHT = 340;
const PAD = { left: 52, right: 12, top: 8, bottom: 34 };

function store(root) {
  if (!root.__live) {
    const { box, title, legend, canvas, tip } = chartElements(root, "tp-live-chart");
    root.__live = { box, title, legend, canvas, tip, race: null, have: 0, racers: [], tests: [], marks: [],
                    legendKey: "", frame: 0, data: null, shown: 0, revealFrom: 0, revealStart: 0, arrived: 0,
                    interval: 250, playing: false, frozen: null, pause: null };
    canvas.addEventListener("mousemove", (event) => hover(root.__live, event));
    // Pause stops the drawing on the click itself, before the server hears of it (see freeze)
    const onClick = (event) => {
      if (!root.isConnected) { document.removeEventListener("click", onClick, true); return; }  // unmounted
      const live = root.__live;
      if (live.pause && event.target instanceof Element && event.target.closest(live.pause)) freeze(live);
    };
    document.addEventListener("click", onClick, true);
    canvas.addEventListener("mouseleave", () => { root.__live.tip.style.display = "none"; });
    new ResizeObserver(() => schedule(root.__live)).observe(box);
  }
  return root.__live;
}

// Pause, on the click: the curves stop at the step drawn at that moment. The race may already be a tick ahead (the
// page draws each tick's steps over the next tick), and a tick under way when the click reaches the server still
// lands; those steps are held, not drawn, until the race moves again: Play, Step, or a new race.
function freeze(live) {
  if (!live.playing || live.frozen) return;
  live.frozen = { at: live.shown, paused: null, ticks: 0 };  // the step on screen now
}

// Whether a frozen chart stays frozen with this data: until the paused page has answered and the race then moves
// (a Step, or Play). A Pause the server never heard (its race plays on for several ticks) lets go too, and so does
// a race that has ended (its last tick may have landed just before the click): nothing would move it again.
function stillFrozen(live, data, have) {
  const frozen = live.frozen;
  if (!frozen || live.race !== data.race || data.done) return false;
  if (!data.playing) {
    if (frozen.paused === null) frozen.paused = have;
    return have <= frozen.paused;
  }
  return frozen.paused === null && ++frozen.ticks < 10;
}

// Append what this tick brought; false when it starts past what is held (a tick's data was skipped).
function take(live, data) {
  if (live.race !== data.race) {
    Object.assign(live, { race: data.race, have: 0, racers: [], tests: [], frozen: null });
  }
  if (data.start > live.have) return false;
  data.racers.forEach((incoming, i) => {
    const held = live.racers[i] || (live.racers[i] = { raw: [], ema: [] });
    held.raw.length = held.ema.length = Math.min(held.raw.length, data.start);  // drop what this tick resends
    while (held.raw.length < data.start) { held.raw.push(null); held.ema.push(null); }  // a racer that sat out
    held.raw.push(...incoming.raw);
    held.ema.push(...incoming.ema);
    held.name = incoming.name;
    held.colour = incoming.colour;
  });
  live.racers.length = data.racers.length;
  live.tests = data.tests.map((incoming, i) => (live.tests[i] || []).filter(([s]) => s <= data.start).concat(incoming));
  live.have = Math.max(0, ...live.racers.map((r) => r.raw.length));
  Object.assign(live, { marks: data.marks, steps: data.steps, now: data.now, text: data.text });
  const now = performance.now();
  if (live.arrived) live.interval = 0.7 * live.interval + 0.3 * Math.min(now - live.arrived, 1000);  // ms a tick
  live.arrived = now;
  live.shown = Math.min(live.shown, live.have);
  live.pause = data.pause;
  if (stillFrozen(live, data, live.have)) {
    live.shown = Math.min(live.frozen.at, live.have);
    return true;
  }
  live.frozen = null;
  live.playing = data.playing;
  if (data.playing) Object.assign(live, { revealFrom: live.shown, revealStart: now });
  else live.shown = live.have;  // paused, stepped or a new race: everything at once
  return true;
}

// The steps drawn at time `now`: from where the last tick found the chart, evenly up to what it brought.
function revealed(live, now) {
  if (live.frozen) return Math.min(live.frozen.at, live.have);
  if (live.shown >= live.have) return live.have;
  const t = Math.min(1, (now - live.revealStart) / Math.max(live.interval, 16));
  return Math.max(live.shown, Math.floor(live.revealFrom + (live.have - live.revealFrom) * t));
}

function schedule(live) {
  if (!live.frame) live.frame = requestAnimationFrame(() => { live.frame = 0; draw(live); });
}

function yRange(live) {
  let lo = Infinity, hi = -Infinity;
  const see = (v) => { if (v !== null && v > 0) { lo = Math.min(lo, v); hi = Math.max(hi, v); } };
  live.racers.forEach((r) => { r.raw.forEach(see); r.ema.forEach(see); });
  live.tests.forEach((t) => t.forEach(([, v]) => see(v)));
  if (lo === Infinity) return null;
  const a = Math.log10(lo), b = Math.log10(hi), pad = Math.max((b - a) * 0.05, 0.05);
  return [a - pad, b + pad];
}

function draw(live) {
  const { g, width } = sizeCanvas(live, HEIGHT);
  live.shown = revealed(live, performance.now());
  const shown = live.shown;
  live.title.textContent = live.text.title;
  setLegend(live, live.racers.map((r) => [r.colour, r.name]));
  const plot = { x: PAD.left, y: PAD.top, w: width - PAD.left - PAD.right, h: HEIGHT - PAD.top - PAD.bottom };
  const range = yRange(live);
  const sx = (step) => plot.x + (step / live.steps) * plot.w;
  const sy = range && ((v) => plot.y + plot.h - ((Math.log10(v) - range[0]) / (range[1] - range[0])) * plot.h);
  g.fillStyle = "#495057";
  g.strokeStyle = "#e9ecef";
  g.lineWidth = 1;
  g.textAlign = "center";
  for (const s of niceTicks(0, live.steps, 8)) {
    g.beginPath(); g.moveTo(sx(s), plot.y); g.lineTo(sx(s), plot.y + plot.h); g.stroke();
    g.fillText(String(s), sx(s), plot.y + plot.h + 14);
  }
  g.fillText(live.text.x, plot.x + plot.w / 2, HEIGHT - 4);
  g.textAlign = "right";
  if (range) {
    for (const v of logTicks(10 ** range[0], 10 ** range[1])) {
      g.beginPath(); g.moveTo(plot.x, sy(v)); g.lineTo(plot.x + plot.w, sy(v)); g.stroke();
      g.fillText(label(v), plot.x - 4, sy(v) + 4);
    }
  }
  g.save();
  g.translate(12, plot.y + plot.h / 2); g.rotate(-Math.PI / 2); g.textAlign = "center";
  g.fillText(live.text.y, 0, 0);
  g.restore();
  g.strokeStyle = "#adb5bd";
  g.strokeRect(plot.x, plot.y, plot.w, plot.h);
  let points = 0;
  if (range) {
    g.save();
    g.beginPath(); g.rect(plot.x, plot.y, plot.w, plot.h); g.clip();
    const line = (values, colour, alpha, width, first = 1) => {
      g.globalAlpha = alpha; g.strokeStyle = colour; g.lineWidth = width; g.beginPath();
      let open = false;
      values.forEach((v, i) => {
        if (i >= shown) return;
        if (v === null || v <= 0) { open = false; return; }
        const x = sx(i + first), y = sy(v);
        if (open) g.lineTo(x, y); else g.moveTo(x, y);
        open = true;
        points++;
      });
      g.stroke();
    };
    live.racers.forEach((r) => line(r.raw, r.colour, 0.22, 1));
    live.racers.forEach((r) => line(r.ema, r.colour, 1, 2));
    g.setLineDash([5, 4]);
    live.tests.forEach((tests, i) => {
      const colour = (live.racers[i] || {}).colour || "#868e96";
      g.globalAlpha = 0.9; g.strokeStyle = colour; g.lineWidth = 1.2; g.beginPath();
      tests.filter(([s, v]) => s <= shown && v !== null && v > 0).forEach(([s, v], k) => (k ? g.lineTo(sx(s), sy(v)) : g.moveTo(sx(s), sy(v))));
      g.stroke();
    });
    g.setLineDash([]);
    g.globalAlpha = 1;
    live.marks.forEach(([s, i, v]) => {
      if (v === null || v <= 0 || s > shown) return;
      const x = sx(s), y = sy(v);
      g.fillStyle = "white"; g.strokeStyle = (live.racers[i] || {}).colour || "#212529"; g.lineWidth = 2;
      g.beginPath(); g.moveTo(x, y - 6); g.lineTo(x + 6, y); g.lineTo(x, y + 6); g.lineTo(x - 6, y); g.closePath();
      g.fill(); g.stroke();
    });
    g.restore();
  }
  live.plot = plot; live.sx = sx; live.sy = sy;
  live.box.dataset.points = String(points);
  live.box.dataset.step = String(shown);
  const counter = (window.tpLiveChart = window.tpLiveChart || { draws: 0, updates: 0 });
  counter.draws += 1;
  counter.step = shown;
  counter.points = points;
  if (shown < live.have && !live.frozen) schedule(live);  // more of this tick's steps to draw on the next frames
}

// Hovering: a change mark says what changed; elsewhere the step and each racer's smoothed loss there.
function hover(live, event) {
  if (!live.plot || !live.sy) return;
  const rect = live.canvas.getBoundingClientRect(), x = event.clientX - rect.left, y = event.clientY - rect.top;
  const mark = live.marks.find(([s, , v]) => v && Math.hypot(live.sx(s) - x, live.sy(v) - y) < 8);
  let lines;
  if (mark) {
    lines = [`${live.text.step} ${mark[0]}: ${mark[3]}`];
  } else {
    const step = Math.round(((x - live.plot.x) / live.plot.w) * live.steps);
    if (step < 1 || step > live.shown) { live.tip.style.display = "none"; return; }
    lines = [`${live.text.step} ${step}`].concat(live.racers.filter((r) => r.ema[step - 1] != null)
      .map((r) => `${r.name}: ${Number(r.ema[step - 1].toPrecision(4))}`));
  }
  live.tip.replaceChildren(...lines.map((text) => Object.assign(document.createElement("div"), { textContent: text })));
  Object.assign(live.tip.style, { display: "block", left: `${Math.min(x + 12, rect.width - 180)}px`, top: `${y + 40}px` });
}

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  if (!data) return;
  const live = store(parentElement);
  if (!take(live, data)) {
    setTriggerValue("resync", live.race === data.race ? live.have : 0);  // send me everything from here
    return;
  }
  window.tpLiveChart = window.tpLiveChart || { draws: 0, updates: 0 };
  window.tpLiveChart.updates += 1;
  schedule(live);
}
