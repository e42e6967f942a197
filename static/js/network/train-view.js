/**
 * network/train-view.js: the live run as it streams: the loss and accuracy curves over epochs
 * and conv1's 16 kernels as they are now. Pure drawing of the server's numbers.
 *
 *   createTrainView(doc, {t, fmt}) -> view
 *     view.reset(epochs)      empty curves for a run of `epochs`
 *     view.add(event)         one `epoch` event: {epoch, loss, train, test, seconds, kernels}
 *     view.committed(kernels) before any run: the committed conv1 kernels (16, 3, 3)
 *     view.relayout()         redraw at the current width (also after a language change)
 */
import { fitCanvas } from "../shared/canvas.js";
import { inkFor, makeScale, maxAbsOf } from "../render/colors.js";
import { drawGrid } from "../render/grid.js";

const COLORS = { loss: "#9b1526", train: "#8d96a8", test: "#2f3e9e", goal: "#e08a00" };

function chart(canvas, { width, series, epochs, yMax, goal, labels }) {
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
  const W = Math.max(200, width);
  const H = Math.round(Math.max(150, Math.min(220, W * 0.55)));
  const ctx = fitCanvas(canvas, W, H);
  const pad = { l: rem * 2.6, r: 10, t: 10, b: rem * 1.8 };
  const x = (e) => pad.l + ((W - pad.l - pad.r) * e) / Math.max(1, epochs);
  const y = (v) => H - pad.b - ((H - pad.t - pad.b) * v) / yMax;
  ctx.font = `${Math.round(rem * 0.75)}px system-ui, sans-serif`;
  ctx.strokeStyle = "#d5d9e0";
  ctx.fillStyle = "#555b66";
  ctx.lineWidth = 1;
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  for (const v of [0, yMax / 2, yMax]) {
    ctx.beginPath();
    ctx.moveTo(pad.l, y(v));
    ctx.lineTo(W - pad.r, y(v));
    ctx.stroke();
    ctx.fillText(labels(v), pad.l - 4, y(v));
  }
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  for (let e = 0; e <= epochs; e++) ctx.fillText(String(e), x(e), H - pad.b + 4);
  if (goal !== undefined) {
    ctx.setLineDash([5, 4]);
    ctx.strokeStyle = COLORS.goal;
    ctx.beginPath();
    ctx.moveTo(pad.l, y(goal));
    ctx.lineTo(W - pad.r, y(goal));
    ctx.stroke();
    ctx.setLineDash([]);
  }
  for (const { points, color } of series) {
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    points.forEach(([e, v], i) => (i ? ctx.lineTo(x(e), y(Math.min(v, yMax))) : ctx.moveTo(x(e), y(Math.min(v, yMax)))));
    ctx.stroke();
    for (const [e, v] of points) ctx.fillRect(x(e) - 3, y(Math.min(v, yMax)) - 3, 6, 6);
  }
}

export function createTrainView(doc, { t, fmt }) {
  const $ = (id) => doc.getElementById(id);
  let events = [];
  let epochs = 6;
  let committed = null; // conv1's kernels in the model the page shows, until a run starts

  function width(id) {
    return Math.floor($(id).parentElement.clientWidth || 300);
  }

  function draw() {
    const losses = events.filter((e) => e.loss !== null).map((e) => [e.epoch, e.loss]);
    const top = Math.max(0.5, ...losses.map(([, v]) => v));
    chart($("loss-chart"), { width: width("loss-chart"), epochs, yMax: top, labels: (v) => fmt(v, 2), series: [{ points: losses, color: COLORS.loss }] });
    chart($("acc-chart"), {
      width: width("acc-chart"),
      epochs,
      yMax: 1,
      goal: 0.95,
      labels: (v) => `${fmt(v * 100, 3)} %`,
      series: [
        { points: events.map((e) => [e.epoch, e.train]), color: COLORS.train },
        { points: events.map((e) => [e.epoch, e.test]), color: COLORS.test },
      ],
    });
    const last = events[events.length - 1];
    if (!last && !committed) return;
    const kernels = last ? last.kernels : committed; // (16, 3, 3)
    const avail = width("kernels");
    const perRow = avail >= 8 * (3 * 16 + 8) ? 8 : 4;
    const cell = Math.max(10, Math.min(22, Math.floor((avail - (perRow - 1) * 8) / (perRow * 3))));
    const K = 3 * cell;
    const rows = Math.ceil(kernels.length / perRow);
    const ctx = fitCanvas($("kernels"), perRow * K + (perRow - 1) * 8, rows * K + (rows - 1) * 8);
    const maxAbs = maxAbsOf(kernels);
    kernels.forEach((k, i) => {
      drawGrid(ctx, k, { x: (i % perRow) * (K + 8), y: Math.floor(i / perRow) * (K + 8), cell, gap: 1, color: makeScale(maxAbs), ink: (v) => inkFor(v, maxAbs), text: null });
    });
    $("kernels-title").textContent = last ? t("network.train.kernels.at", { epoch: last.epoch }) : t("network.train.kernels.committed");
    $("kernels").dataset.epoch = last ? String(last.epoch) : "";
  }

  return {
    reset(n) {
      epochs = n;
      events = [];
      draw();
    },
    add(event) {
      events.push(event);
      draw();
    },
    committed(kernels) {
      committed = kernels;
      draw();
    },
    relayout: draw,
  };
}
