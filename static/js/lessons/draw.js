/**
 * lessons/draw.js: the few figure pieces lessons share, drawn from the server's numbers.
 *
 *   panel(parent, {title, cls}) -> {fig, canvas}      a <figure> with a caption and a canvas
 *   drawNumbers(canvas, matrix, {cell, maxAbs, marks}) a grid of numbers in the shared palette
 *       (render/grid.js, render/colors.js); marks: [[i, j]] outlined in the focus colour
 *   cellFor(width, cols, lo, hi) -> px                 a cell size that fits `cols` in width
 *   plot(canvas, {width, height, x: [lo, hi], y: [lo, hi], series}) -> void
 *       series: [{x, y, color, kind: "line" | "area" | "bars" | "dots", width?}]
 *   table(parent, head, rows, cls) -> <table>          rows of cells: string or {text, key,
 *       value, cls}; `key` names the API field (data-key) so tests compare it to the API
 */
import { fitCanvas } from "../shared/canvas.js";
import { fmt } from "../shared/format.js";
import { drawGrid, gridSize, strokeCells } from "../render/grid.js";
import { inkFor, makeScale, maxAbsOf } from "../render/colors.js";

export function panel(parent, { title, cls = "" }) {
  const doc = parent.ownerDocument;
  const fig = doc.createElement("figure");
  fig.className = `lesson-panel ${cls}`;
  const cap = doc.createElement("figcaption");
  cap.textContent = title;
  const canvas = doc.createElement("canvas");
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", title);
  fig.append(cap, canvas);
  parent.append(fig);
  return { fig, canvas };
}

export function cellFor(width, cols, lo = 14, hi = 44) {
  return Math.max(lo, Math.min(hi, Math.floor((width - 4) / Math.max(1, cols)) - 1));
}

export function drawNumbers(canvas, matrix, { cell = 30, maxAbs = maxAbsOf(matrix), marks = [] } = {}) {
  const opts = {
    x: 1, y: 1, cell, gap: 1,
    color: makeScale(maxAbs), ink: (v) => inkFor(v, maxAbs), text: (v) => fmt(v, 3), minText: 16,
  }; // prettier-ignore
  const { w, h } = gridSize(matrix.length, matrix[0]?.length ?? 0, opts);
  const ctx = fitCanvas(canvas, w + 2, h + 2);
  drawGrid(ctx, matrix, opts);
  if (marks.length) strokeCells(ctx, marks, opts, { color: "#e08a00", width: 3 });
  return ctx;
}

export function plot(canvas, { width, height, x, y, series }) {
  const ctx = fitCanvas(canvas, width, height);
  const pad = 6;
  const X = (v) => pad + ((v - x[0]) / (x[1] - x[0])) * (width - 2 * pad);
  const Y = (v) => height - pad - ((v - y[0]) / (y[1] - y[0])) * (height - 2 * pad);
  ctx.strokeStyle = "#b8bec8";
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(pad, Y(0));
  ctx.lineTo(width - pad, Y(0));
  ctx.moveTo(X(0), pad);
  ctx.lineTo(X(0), height - pad);
  ctx.stroke();
  for (const s of series) {
    ctx.strokeStyle = ctx.fillStyle = s.color;
    ctx.lineWidth = s.width ?? 2;
    if (s.kind === "bars") {
      const w = Math.max(1, X(s.x[1] ?? s.x[0] + 1) - X(s.x[0]));
      s.x.forEach((v, i) => {
        if (s.y[i] === 0) return;
        ctx.globalAlpha = 0.35;
        ctx.fillRect(X(v) - w / 2, Math.min(Y(0), Y(s.y[i])), w, Math.abs(Y(s.y[i]) - Y(0)));
        ctx.globalAlpha = 1;
        ctx.strokeRect(X(v) - w / 2, Math.min(Y(0), Y(s.y[i])), w, Math.abs(Y(s.y[i]) - Y(0)));
      });
      continue;
    }
    if (s.kind === "dots") {
      s.x.forEach((v, i) => {
        ctx.beginPath();
        ctx.arc(X(v), Y(s.y[i]), 2.5, 0, 2 * Math.PI);
        ctx.fill();
      });
      continue;
    }
    ctx.beginPath();
    s.x.forEach((v, i) => (i ? ctx.lineTo(X(v), Y(s.y[i])) : ctx.moveTo(X(v), Y(s.y[i]))));
    if (s.kind === "area") {
      ctx.lineTo(X(s.x[s.x.length - 1]), Y(0));
      ctx.lineTo(X(s.x[0]), Y(0));
      ctx.globalAlpha = 0.3;
      ctx.fill();
      ctx.globalAlpha = 1;
    } else ctx.stroke();
  }
  return { X, Y, ctx };
}

export function table(parent, head, rows, cls = "") {
  const doc = parent.ownerDocument;
  const wrap = doc.createElement("div");
  wrap.className = `lesson-table ${cls}`;
  const el = doc.createElement("table");
  const tr = (cells, tag) => {
    const row = doc.createElement("tr");
    for (const c of cells) {
      const td = doc.createElement(tag);
      const spec = typeof c === "object" && c !== null ? c : { text: String(c) };
      td.textContent = spec.text;
      if (spec.key) td.dataset.key = spec.key;
      if (spec.value !== undefined) td.dataset.value = String(spec.value);
      if (spec.cls) td.className = spec.cls;
      row.append(td);
    }
    return row;
  };
  const thead = doc.createElement("thead");
  thead.append(tr(head, "th"));
  const tbody = doc.createElement("tbody");
  for (const r of rows) tbody.append(tr(r, "td"));
  el.append(thead, tbody);
  wrap.append(el);
  parent.append(wrap);
  return el;
}
