/**
 * network/maps.js: every layer's feature maps as coloured grids, one canvas per layer, with
 * hover (read a value) and click (pick a unit of a conv or pooling layer).
 *
 * Pure layout: layoutMaps(C, h, w, width) -> {cols, cell, gap, w, h}: the widest power-of-two
 * column count whose cells stay >= MIN_CELL px; then each map is drawn with render/grid.js.
 * Each canvas carries its layout in data-layout (JSON), so a test can aim at a unit.
 *
 *   createMaps(root, {t, fmt, onHover(text), onPick(unit)}) -> maps
 *     maps.show(activations, selected)   activations: the API's list; selected: a unit or null
 *     maps.select(unit, window)          outline the unit, and its window in the source layer
 *                                        (window: {source, rows, cols, pad, channels}; rows and
 *                                        cols are padded indices, pad the padding)
 *     maps.relayout()                    after a width or language change
 */
import { fitCanvas } from "../shared/canvas.js";
import { inkFor, makeScale, maxAbsOf } from "../render/colors.js";
import { drawGrid, hitCell, strokeCells } from "../render/grid.js";

const MIN_CELL = 9;
const MAX_CELL = 40;
const GAP = 8; // px between maps
const PICKABLE = new Set(["conv2d", "max_pool2d"]);
const SKIP = new Set(["flatten"]); // pool2's numbers again, in a row

export function layoutMaps(C, h, w, width) {
  let cols = 1;
  for (let c = 1; c <= C; c *= 2) if (c * w * MIN_CELL + (c - 1) * GAP <= width) cols = c;
  const cell = Math.max(4, Math.min(MAX_CELL, Math.floor((width - (cols - 1) * GAP) / (cols * w))));
  return { cols, cell, gap: GAP, rows: Math.ceil(C / cols), h, w };
}

const mapOrigin = (L, c) => ({ x: (c % L.cols) * (L.w * L.cell + L.gap), y: Math.floor(c / L.cols) * (L.h * L.cell + L.gap) });

function asMaps(a) {
  // (C, H, W) stays; a vector (logits) is one 1 x n map
  return a.shape.length === 3 ? a.values : [[a.values]];
}

export function createMaps(root, { t, fmt, onHover, onPick }) {
  let acts = [];
  let selected = null;
  let win = null; // the picked unit's window in its source layer
  const views = new Map(); // name -> {fig, canvas, act, L, maxAbs}

  function build() {
    root.replaceChildren();
    views.clear();
    for (const act of acts) {
      if (SKIP.has(act.kind)) continue;
      const fig = document.createElement("figure");
      fig.className = "net-layer";
      fig.dataset.layer = act.name;
      const cap = document.createElement("figcaption");
      const canvas = document.createElement("canvas");
      canvas.dataset.layer = act.name;
      canvas.setAttribute("role", "img");
      if (PICKABLE.has(act.kind)) canvas.classList.add("pickable");
      fig.append(cap, canvas);
      root.append(fig);
      views.set(act.name, { fig, cap, canvas, act });
      canvas.addEventListener("pointermove", (e) => hover(act.name, e));
      canvas.addEventListener("pointerleave", () => onHover(null));
      canvas.addEventListener("click", (e) => pick(act.name, e));
    }
  }

  function unitAt(name, e) {
    const v = views.get(name);
    const rect = v.canvas.getBoundingClientRect();
    const px = e.clientX - rect.left;
    const py = e.clientY - rect.top;
    const maps = asMaps(v.act);
    for (let c = 0; c < maps.length; c++) {
      const o = mapOrigin(v.L, c);
      const hit = hitCell({ x: o.x, y: o.y, cell: v.L.cell }, v.L.h, v.L.w, px, py);
      if (hit) return { channel: c, row: hit[0], col: hit[1], value: maps[c][hit[0]][hit[1]] };
    }
    return null;
  }

  function hover(name, e) {
    const u = unitAt(name, e);
    if (!u) return onHover(null);
    const key = views.get(name).act.shape.length === 3 ? "network.readout" : "network.readout.logit";
    onHover(t(key, { layer: name, channel: u.channel, row: u.row, col: u.col, value: fmt(u.value) }));
  }

  function pick(name, e) {
    const v = views.get(name);
    if (!PICKABLE.has(v.act.kind)) return;
    const u = unitAt(name, e);
    if (u) onPick({ layer: name, channel: u.channel, row: u.row, col: u.col });
  }

  function drawLayer(v) {
    const maps = asMaps(v.act);
    const [h, w] = [maps[0].length, maps[0][0].length];
    const width = Math.max(120, Math.floor(v.fig.clientWidth || root.clientWidth || 300));
    v.L = layoutMaps(maps.length, h, w, width);
    const L = v.L;
    const W = L.cols * L.w * L.cell + (L.cols - 1) * L.gap;
    const H = L.rows * L.h * L.cell + (L.rows - 1) * L.gap;
    const ctx = fitCanvas(v.canvas, W, H);
    const maxAbs = maxAbsOf(v.act.values);
    const color = makeScale(maxAbs);
    const ink = (x) => inkFor(x, maxAbs);
    maps.forEach((m, c) => {
      const o = mapOrigin(L, c);
      drawGrid(ctx, m, { x: o.x, y: o.y, cell: L.cell, gap: 1, color, ink, text: (x) => fmt(x, 2), minText: 26 });
    });
    const outline = (name, cells, channel, style) => {
      if (name !== v.act.name) return;
      const o = mapOrigin(L, channel);
      strokeCells(ctx, cells, { x: o.x, y: o.y, cell: L.cell, gap: 1 }, style);
    };
    if (win) {
      // the unit's window in its source layer (padded indices -> map cells; padding left out)
      const cells = [];
      win.rows.forEach((r) => win.cols.forEach((c) => {
        const [i, j] = [r - win.pad, c - win.pad];
        if (i >= 0 && j >= 0 && i < L.h && j < L.w) cells.push([i, j]);
      })); // prettier-ignore
      for (const ch of win.channels) outline(win.source, cells, ch, { color: "#e08a00", width: 2 });
    }
    if (selected) outline(selected.layer, [[selected.row, selected.col]], selected.channel, { color: "#111", width: 3 });
    v.canvas.dataset.layout = JSON.stringify({ cols: L.cols, cell: L.cell, gap: L.gap, h: L.h, w: L.w });
    v.cap.textContent = `${t(`network.layer.${v.act.name}`)} · ${v.act.shape.join(" × ")}`;
    v.canvas.setAttribute("aria-label", v.cap.textContent);
  }

  const drawAll = () => views.forEach(drawLayer);

  return {
    show(activations, unit) {
      const rebuild = acts.length !== activations.length;
      acts = activations;
      selected = unit;
      if (!unit) win = null;
      if (rebuild || views.size === 0) build();
      else for (const a of acts) if (views.has(a.name)) views.get(a.name).act = a;
      drawAll();
    },
    select(unit, window) {
      selected = unit;
      win = window;
      drawAll();
    },
    relayout: drawAll,
  };
}
