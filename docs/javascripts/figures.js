// Figures a reader drives. Each figure is a matplotlib SVG drawn at build time, with its precomputed
// runs packed in data-* attributes (int16, base64); this script only redraws the lines the controls
// select. Without JavaScript, or before it runs, the SVG shows the figure as built. Runs on every page,
// also after instant navigation (Material's document$).
(() => {
  const reducedMotion = () => window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  // Plain loops: the typed arrays' from() with a mapping function took about four times as long on a
  // slow phone.
  const decode = (text, limit) => {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    const ints = new Int16Array(bytes.buffer);
    const scale = limit / 32767;
    const values = new Float64Array(ints.length);
    for (let i = 0; i < ints.length; i += 1) values[i] = ints[i] * scale;
    return values;
  };

  const numbers = (text) => text.split(",").map(Number);

  // The rectangle of an axes in SVG units, from the path of its background patch (set_gid). A figure of
  // several panels is one SVG per panel, all in the figure's own units, so lookups search the whole root.
  const box = (root, gid) => {
    const path = root.querySelector(`[id$="${gid}"] path`);
    const values = (path.getAttribute("d").match(/-?\d*\.?\d+(?:e-?\d+)?/g) || []).map(Number);
    const xs = values.filter((_, i) => i % 2 === 0);
    const ys = values.filter((_, i) => i % 2 === 1);
    return { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
  };

  const scaler = (rect, [x0, x1], [y0, y1]) => (x, y) => [
    rect.left + ((x - x0) / (x1 - x0)) * (rect.right - rect.left),
    rect.bottom - ((y - y0) / (y1 - y0)) * (rect.bottom - rect.top),
  ];

  // Keep coordinates finite and near the axes (the clip path hides what lies outside).
  const clamp = (v) => Math.max(-1e5, Math.min(1e5, v));
  const pathData = (points) =>
    points.map(([x, y], i) => `${i ? "L" : "M"}${clamp(x).toFixed(1)} ${clamp(y).toFixed(1)}`).join("");

  const setupRace = (root) => {
    const d = root.dataset;
    const lrs = numbers(d.lrs);
    const rhos = numbers(d.rhos);
    const steps = Number(d.steps);
    const kappa = Number(d.kappa);
    const data = decode(d.paths, Number(d.limit));
    const n = steps + 1;
    const toPath = scaler(box(root, "sn-race-axes"), numbers(d.xlim), numbers(d.ylim));
    const toLoss = scaler(box(root, "sn-race-loss-axes"), [0, steps], numbers(d.losslim));
    const lines = [0, 1, 2].map((k) => ({
      path: root.querySelector(`[id$="sn-race-path-${k}"] path`),
      loss: root.querySelector(`[id$="sn-race-loss-${k}"] path`),
    }));
    const play = root.querySelector(".sn-race__play");
    const step = root.querySelector(".sn-race__step");
    const lr = root.querySelector(".sn-race__lr");
    const rho = root.querySelector(".sn-race__rho");
    const outputs = root.querySelectorAll(".sn-race__value");

    // Where run k (0 SGD, 1 momentum, 2 Nesterov) with learning rate i and momentum j starts in `data`.
    const offset = (k, i, j) =>
      k === 0 ? i * n * 2 : lrs.length * n * 2 + (((k - 1) * lrs.length + i) * rhos.length + j) * n * 2;

    const draw = () => {
      const s = Number(step.value);
      const i = Number(lr.value);
      const j = Number(rho.value);
      lines.forEach((line, k) => {
        const start = offset(k, i, j);
        const xy = [];
        const loss = [];
        for (let t = 0; t <= s; t += 1) {
          const x = data[start + 2 * t];
          const y = data[start + 2 * t + 1];
          xy.push(toPath(x, y));
          loss.push(toLoss(t, Math.log10(Math.max(0.5 * (x * x + kappa * y * y), 1e-300))));
        }
        line.path.setAttribute("d", pathData(xy));
        line.loss.setAttribute("d", pathData(loss));
      });
      outputs[0].value = `${s} / ${steps}`;
      outputs[1].value = String(lrs[i]);
      outputs[2].value = String(rhos[j]);
      step.setAttribute("aria-valuetext", `${s} / ${steps}`);
      lr.setAttribute("aria-valuetext", `α = ${lrs[i]}`);
      rho.setAttribute("aria-valuetext", `ρ = ${rhos[j]}`);
      root.dataset.drawn = `${s},${i},${j}`;
    };

    let timer = null;
    const stop = () => {
      if (timer !== null) window.clearInterval(timer);
      timer = null;
      play.setAttribute("aria-pressed", "false");
      play.textContent = play.dataset.play;
    };
    const start = () => {
      if (Number(step.value) >= steps) step.value = "0";
      play.setAttribute("aria-pressed", "true");
      play.textContent = play.dataset.pause;
      timer = window.setInterval(() => {
        step.value = String(Math.min(steps, Number(step.value) + 1));
        draw();
        if (Number(step.value) >= steps) stop();
      }, 50);
    };
    play.addEventListener("click", () => (timer === null ? start() : stop()));
    step.addEventListener("input", () => {
      stop();
      draw();
    });
    lr.addEventListener("input", draw);
    rho.addEventListener("input", draw);
    // Reduced motion: no playing, the finished paths as a still frame; the sliders still work.
    const motion = () => {
      play.hidden = reducedMotion();
      if (play.hidden) {
        stop();
        step.value = String(steps);
        draw();
      }
    };
    window.matchMedia("(prefers-reduced-motion: reduce)").addEventListener("change", motion);
    motion();
    draw();
    root.dataset.ready = "true";
  };

  // A figure whose lines switch between precomputed versions (studynotes.plotting.switch_figure_html):
  // points are stored as fractions of their axes, so log scales need nothing here.
  const setupSwitch = (root) => {
    const [options, count, points] = numbers(root.dataset.shape);
    const data = decode(root.dataset.frames, 4);
    const axes = numbers(root.dataset.axes);
    const boxes = [...new Set(axes)].map((a) => box(root, `sn-switch-axes-${a}`));
    const paths = axes.map((_, i) => root.querySelector(`[id$="sn-switch-line-${i}"] path`));
    const input = root.querySelector(".sn-switch__input");
    const output = root.querySelector("output");
    const names = JSON.parse(input.dataset.options);
    const draw = () => {
      const k = Number(input.value);
      paths.forEach((path, i) => {
        const rect = boxes[axes[i]];
        const at = scaler(rect, [0, 1], [0, 1]);
        const xy = [];
        for (let p = 0; p < points; p += 1) {
          const base = ((k * count + i) * points + p) * 2;
          xy.push(at(data[base], data[base + 1]));
        }
        path.setAttribute("d", pathData(xy));
      });
      output.value = names[k];
      input.setAttribute("aria-valuetext", names[k]);
      root.dataset.drawn = String(k);
    };
    if (names.length !== options) throw new Error("options and frames disagree");
    input.addEventListener("input", draw);
    draw();
    root.dataset.ready = "true";
  };

  // Each figure is set up in a task of its own once the page is idle (decoding its runs takes tens of
  // milliseconds on a slow phone, and the page must answer the reader first), or at once when the reader
  // reaches for one of its controls before that.
  const idle = (fn) => (window.requestIdleCallback ? requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(fn, 50));
  const setup = () => {
    const kinds = [
      [".sn-race:not([data-ready])", setupRace],
      [".sn-switch:not([data-ready])", setupSwitch],
    ];
    const pending = [];
    for (const [selector, init] of kinds)
      for (const root of document.querySelectorAll(selector)) pending.push([root, init]);
    const run = ([root, init]) => {
      if (root.dataset.ready || !root.isConnected) return;
      try {
        init(root);
      } catch (error) {
        console.error("interactive figure", root.id, error);
      }
    };
    for (const item of pending)
      for (const type of ["pointerdown", "focusin"]) item[0].addEventListener(type, () => run(item), { once: true, capture: true });
    const next = () => {
      const item = pending.shift();
      if (!item) return;
      run(item);
      idle(next);
    };
    idle(next);
  };

  if (typeof document$ !== "undefined") document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})();
