/**
 * explorer/pool/view.js: one pooling step drawn with the shared grid renderer: the padded
 * input with the window outlined (max: the chosen cell too), the output filled up to step k,
 * and the step as arithmetic. Pure of state: draw(plan, steps, k) reads only its arguments.
 *
 *   createPoolView(doc, {t, fmt}) -> {draw(plan, steps, k), clear()}
 * Test hooks: #pool-out data-value (this step's value), #pool-arith data-value.
 */
import { fitCanvas } from "../../shared/canvas.js";
import { drawGrid, strokeCells } from "../../render/grid.js";
import { inkFor, makeScale, maxAbsOf } from "../../render/colors.js";

const cellPx = (n, width) => Math.max(16, Math.min(48, Math.floor(width / Math.max(1, n))));

export function createPoolView(doc, { t, fmt }) {
  const $ = (id) => doc.getElementById(id);

  function padded(plan, steps) {
    // rows/cols are the engine's padded-input indices; ceil_mode windows may reach past
    // H + 2p, so the grid is as large as the farthest tap any step reads
    const x = plan.x[0];
    const p = plan.padding;
    let R = x.length + 2 * p;
    let C = x[0].length + 2 * p;
    for (const st of steps) {
      R = Math.max(R, st.rows[st.rows.length - 1] + 1);
      C = Math.max(C, st.cols[st.cols.length - 1] + 1);
    }
    const inside = (i, j) => i >= p && i < p + x.length && j >= p && j < p + x[0].length;
    const matrix = Array.from({ length: R }, (_, i) => Array.from({ length: C }, (_, j) => (inside(i, j) ? x[i - p][j - p] : 0)));
    const mask = matrix.map((row, i) => row.map((_, j) => !inside(i, j)));
    return { matrix, mask };
  }

  function arith(plan, st) {
    const vals = [];
    st.window.forEach((row, i) =>
      row.forEach((v, j) => {
        if (plan.op === "avg" && !plan.count_include_pad && !st.inside[i][j]) return;
        vals.push(v === null ? "−∞" : fmt(v));
      }),
    );
    if (plan.op === "max") return `max(${vals.join(", ")}) = ${fmt(st.value)}`;
    return `(${vals.join(" + ")}) / ${fmt(st.divisor)} = ${fmt(st.total)} / ${fmt(st.divisor)} = ${fmt(st.value)}`;
  }

  function draw(plan, steps, k) {
    const st = steps[k];
    const { matrix, mask } = padded(plan, steps);
    const width = Math.max(160, $("pool-views").clientWidth / 2 - 24);
    const cell = cellPx(matrix[0].length, width);
    const maxAbs = maxAbsOf(plan.x);
    const opts = { x: 1, y: 1, cell, color: makeScale(maxAbs), ink: (v) => inkFor(v, maxAbs), text: fmt, mask };
    const ctx = fitCanvas($("pool-in"), matrix[0].length * cell + 2, matrix.length * cell + 2);
    drawGrid(ctx, matrix, opts);
    const y = plan.y[0];
    const oc = cellPx(y[0].length, width);
    const oopts = { ...opts, cell: oc, mask: null, filled: (i, j) => i * y[0].length + j <= (st ? st.k : -1) };
    const octx = fitCanvas($("pool-out"), y[0].length * oc + 2, y.length * oc + 2);
    drawGrid(octx, y, oopts);
    if (!st) return;
    const cells = st.rows.flatMap((r) => st.cols.map((c) => [r, c]));
    strokeCells(ctx, cells, opts, { color: "#111", width: 2 });
    if (plan.op === "max") strokeCells(ctx, [[st.rows[st.chosen[0]], st.cols[st.chosen[1]]]], opts, { color: "#c0392b", width: 3 });
    strokeCells(octx, [[st.out[1], st.out[2]]], oopts, { color: "#111", width: 3 });
    $("pool-out").dataset.value = String(st.value);
    $("pool-arith").textContent = arith(plan, st);
    $("pool-arith").dataset.value = String(st.value);
    $("pool-counter").textContent = t("pool.counter", { k: k + 1, n: plan.steps });
    $("pool-size").textContent = t(plan.ceil_mode ? "pool.size.ceil" : "pool.size", {
      h: plan.out[0], w: plan.out[1], fh: plan.floor_out[0], fw: plan.floor_out[1],
    });
  }

  return {
    draw,
    clear() {
      $("pool-arith").textContent = "";
    },
  };
}
