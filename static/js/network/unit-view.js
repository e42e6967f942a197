/**
 * network/unit-view.js: one unit's computation, as the server traced it, and its explorer link.
 *
 * conv: for each input channel, the window of the source map (padding hatched) next to this
 * filter's weights and their sum of products; then Σ + bias = value. max pool: the window and
 * the tap that won. Every number is the API's (POST /api/network/unit).
 *
 *   createUnitView(doc, {t, fmt}) -> {show(unit), hide(), relabel()}
 */
import { fitCanvas } from "../shared/canvas.js";
import { inkFor, makeScale, maxAbsOf } from "../render/colors.js";
import { drawGrid, strokeCells } from "../render/grid.js";

const CELL = 34;

function grid(matrix, { mask, chosen, maxAbs, fmt }) {
  const canvas = document.createElement("canvas");
  const ctx = fitCanvas(canvas, matrix[0].length * CELL, matrix.length * CELL);
  const opts = { x: 0, y: 0, cell: CELL, gap: 1, color: makeScale(maxAbs), ink: (v) => inkFor(v, maxAbs), text: (v) => fmt(v, 3), minText: 18, mask };
  drawGrid(ctx, matrix, opts);
  if (chosen) strokeCells(ctx, [chosen], opts, { color: "#111", width: 3 });
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", matrix.map((r) => r.map((v) => fmt(v)).join(" ")).join("; "));
  return canvas;
}

function span(text, cls) {
  const s = document.createElement("span");
  s.className = cls;
  s.textContent = text;
  return s;
}

export function createUnitView(doc, { t, fmt }) {
  const $ = (id) => doc.getElementById(id);
  const box = $("unit");
  let unit = null;

  function render() {
    if (!unit) return;
    const u = unit;
    $("unit-title").textContent = t("network.unit.title", { layer: u.layer, channel: u.channel, row: u.row, col: u.col });
    const value = $("unit-sum");
    value.dataset.value = String(u.value);
    const grids = $("unit-grids");
    grids.replaceChildren();
    const mask = u.inside.map((r) => r.map((inside) => !inside));
    const link = $("unit-explorer");
    if (u.kind === "conv2d") {
      const total = u.partials.map((p) => fmt(p, 4)).join(" + ").replaceAll("+ −", "− ");
      value.textContent = t("network.unit.conv.sum", { partials: total, bias: fmt(u.bias), value: fmt(u.value) });
      const maxX = maxAbsOf(u.window);
      const maxW = maxAbsOf(u.weight);
      u.window.forEach((win, c) => {
        const pair = document.createElement("figure");
        pair.className = "net-pair";
        const cap = document.createElement("figcaption");
        cap.textContent = t("network.unit.channel", { source: u.source, c });
        const row = document.createElement("div");
        row.className = "net-pair-row";
        row.append(grid(win, { mask, maxAbs: maxX, fmt }), span("×", "net-op"), grid(u.weight[c], { maxAbs: maxW, fmt }), span(`= ${fmt(u.partials[c], 4)}`, "net-op"));
        pair.append(cap, row);
        grids.append(pair);
      });
      $("unit-note").textContent = t("network.unit.conv.note", { source: u.source, channels: u.window.length });
      link.href = u.explorer;
      link.hidden = false;
    } else {
      value.textContent = t("network.unit.pool.sum", { value: fmt(u.value) });
      const pair = document.createElement("figure");
      pair.className = "net-pair";
      const cap = document.createElement("figcaption");
      cap.textContent = t("network.unit.channel", { source: u.source, c: u.channel });
      pair.append(cap, grid(u.window, { mask, chosen: u.chosen, maxAbs: maxAbsOf(u.window), fmt }));
      grids.append(pair);
      $("unit-note").textContent = t("network.unit.pool.note", { source: u.source });
      link.hidden = true;
    }
    box.hidden = false;
  }

  return {
    show(next) {
      unit = next;
      render();
    },
    hide() {
      unit = null;
      box.hidden = true;
    },
    relabel: render,
  };
}
