/**
 * views/backward.js: the backward pass, in the forward pass's step order. Output element
 * (n, f, i, j) sends its upstream gradient g = dL/dy back: dW[f] += g · window,
 * dX[window] += g · w[f], db[f] += g. The server streams the running totals (dw, dx at the
 * window, db), so the views only *place* server numbers at the step's own rows/cols: the
 * input view shows dX on the padded grid, the kernel view dW and db, the output view dL/dy.
 *
 * createBackward(plan, {t}) -> the same adapter shape as views/forward.js.
 */
import { fmt } from "../shared/format.js";
import { stepOf, unravel } from "./order.js";
import { maxAbsOf } from "../render/colors.js";

const cross = (rows, cols) => rows.flatMap((r) => cols.map((c) => [r, c]));
const zeros = (r, c) => Array.from({ length: r }, () => new Array(c).fill(0));

export function createBackward(plan, { t }) {
  const S = plan.shape;
  const dims = [S.N, S.C_out, S.H_out, S.W_out];
  const perN = S.C_out * S.H_out * S.W_out;
  let dy = null;
  let scale = { dx: 1, dw: 1 };
  let acc = null; // {n, upTo, dx: C_in x Hp x Wp, dw: C_out x C_g x kH x kW, db: C_out}

  function reset(n) {
    acc = {
      n,
      upTo: n * perN - 1,
      dx: Array.from({ length: S.C_in }, () => zeros(S.Hp, S.Wp)),
      dw: Array.from({ length: S.C_out }, () => Array.from({ length: S.C_g }, () => zeros(S.kH, S.kW))),
      db: new Array(S.C_out).fill(0),
    };
  }

  // Apply steps (acc.upTo, k] to the running totals; report what changed to `paint`.
  function advance(k, cache, paint) {
    for (let q = acc.upTo + 1; q <= k; q++) {
      const s = cache.get(q);
      if (!s) break; // not here yet: the next frame continues from here
      const f = s.out[1];
      s.ch.forEach((c, ci) => {
        s.rows.forEach((r, i) =>
          s.cols.forEach((col, j) => {
            acc.dx[c][r][col] = s.dx[ci][i][j];
            paint.cell(c, r, col, s.dx[ci][i][j]);
          }),
        );
      });
      acc.dw[f] = s.dw;
      acc.db[f] = s.db;
      paint.filter(f);
      acc.upTo = q;
    }
  }

  const adapter = {
    replays: true, // the picture at k sums every earlier step of the sample
    total: plan.steps,
    numbersPerStep: 6 * S.C_g * S.kH * S.kW + S.kH + S.kW + 16,
    batchOf: (k) => unravel(dims, k)[0],

    spec(k, step, cache) {
      const n = adapter.batchOf(k);
      const done = cache.done || {};
      dy = done.dy || null;
      scale = { dx: maxAbsOf(done.dx || 1), dw: maxAbsOf([done.dw || 1, done.db || []]) };
      reset(n);
      advance(k, cache, { cell() {}, filter() {} });
      const at = { rows: step.rows.map((r) => r - step.rows[0]), cols: step.cols.map((c) => c - step.cols[0]) };
      const tag = S.N > 1 ? `${n}, ` : "";
      return {
        input: {
          maxAbs: scale.dx,
          outline: { top: plan.padding.top, left: plan.padding.left, rows: S.H, cols: S.W },
          panels: acc.dx.map((m, c) => ({ matrix: m, mask: plan.pad_mask, label: `dX[${tag}${c}]` })),
        },
        kernel: {
          maxAbs: scale.dw,
          at,
          span: { rows: at.rows.at(-1) + 1, cols: at.cols.at(-1) + 1 },
          slices: S.C_g,
          panels: acc.dw.flatMap((slices, f) => slices.map((m, c) => ({ matrix: m, label: `dW[${f}, ${c}]` }))),
          bias: plan.bias ? acc.db.map((v, f) => ({ value: v, label: `db[${f}]` })) : null,
        },
        output: {
          maxAbs: maxAbsOf(dy || 1),
          panels: (dy ? dy[n] : plan.output[n]).map((m, f) => ({ matrix: m, label: `dL/dy[${tag}${f}]` })),
        },
      };
    },

    fill(scene, k, cache) {
      const n = adapter.batchOf(k);
      if (k < acc.upTo) {
        reset(n); // going back: replay this sample's steps from its start
        advance(k, cache, { cell() {}, filter() {} });
        acc.dx.forEach((m, c) => scene.paint("input", c, m));
        acc.dw.forEach((_, f) => adapter.paintFilter(scene, f));
        return;
      }
      const dirty = new Set();
      advance(k, cache, {
        cell: (c, r, col, v) => scene.cell("input", c, r, col, v),
        filter: (f) => dirty.add(f),
      });
      for (const f of dirty) adapter.paintFilter(scene, f);
    },

    paintFilter(scene, f) {
      acc.dw[f].forEach((m, c) => scene.paint("kernel", f * S.C_g + c, m));
      if (plan.bias) scene.bias(f, acc.db[f]);
    },

    overlay(scene, k, step, hover) {
      const [, f, i, j] = unravel(dims, k);
      const input = { marks: [], veil: [] };
      const kernel = { marks: [], veil: [] };
      if (step) {
        for (const c of step.ch) input.marks.push({ panel: c, cells: cross(step.rows, step.cols), kind: "window" });
        for (let c = 0; c < S.C_in; c++) if (!step.ch.includes(c)) input.veil.push(c);
      }
      for (let p = 0; p < S.C_out * S.C_g; p++) {
        if (Math.floor(p / S.C_g) === f) kernel.marks.push({ panel: p, box: true, kind: "window" });
        else kernel.veil.push(p);
      }
      scene.overlays({ input, kernel, output: { marks: [{ panel: f, cells: [[i, j]], kind: "current" }] } }, hover);
    },

    sum(step) {
      const f = step.out[1];
      const g = step.g;
      const x = plan.padded[step.out[0]];
      const lines = [{ label: "g = dL/dy", value: g, role: "result" }];
      step.ch.forEach((c, ci) => {
        const xs = step.rows.flatMap((r) => step.cols.map((col) => x[c][r][col]));
        lines.push({ label: t("bw.dw", { f, c: ci }), terms: xs.map((v) => ({ a: g, b: v })) });
        lines.push({ label: t("bw.dx", { c }), terms: plan.kernel[f][ci].flat().map((w) => ({ a: g, b: w })) });
      });
      if (plan.bias) lines.push({ label: t("bw.db", { f }), value: step.db, role: "bias" });
      return { lines };
    },

    describe(k, step) {
      const [n, f, i, j] = step.out;
      return t("desc.backward", { k: k + 1, total: plan.steps, n, f, i, j, g: fmt(step.g) });
    },

    stepAt: (hit, k) => stepOf(dims, [adapter.batchOf(k), hit.panel, hit.i, hit.j]),
    readers: () => new Map(),
  };
  return adapter;
}
