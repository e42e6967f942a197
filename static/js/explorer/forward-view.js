/**
 * views/forward.js: what the forward pass looks like at step k, from the plan and step k.
 *
 * Input panels show the *padded* input (so a window is always inside its panel, and reflect /
 * replicate / circular padding shows its real values, hatched); kernels are drawn at their
 * taps' offsets (step.rows - step.rows[0]), so dilation leaves visible gaps; the output map
 * fills in up to step k. Going back un-fills cells one by one: no full redraw while scrubbing.
 *
 * createForward(plan, {t}) -> adapter used by explorer.js:
 *   total, numbersPerStep, batchOf(k), spec(k, step) -> scene spec, fill(scene, k),
 *   overlay(scene, k, step, hover, readers), sum(step) -> arithmetic sum, describe(k, step),
 *   stepAt(hit) -> k for an output cell, readers(hit, cache, k) -> output cells reading an
 *   input cell (from the cached steps' rows/cols)
 */
import { fmt } from "../shared/format.js";
import { stepOf, unravel } from "./order.js";
import { maxAbsOf } from "../render/colors.js";

const cross = (rows, cols) => rows.flatMap((r) => cols.map((c) => [r, c]));

export function createForward(plan, { t }) {
  const S = plan.shape;
  const dims = [S.N, S.C_out, S.H_out, S.W_out];
  const perN = S.C_out * S.H_out * S.W_out;
  const maxIn = maxAbsOf(plan.padded);
  const maxK = maxAbsOf([plan.kernel, plan.bias || []]);
  const maxOut = maxAbsOf(plan.output);
  let drawn = -1; // output cells with step index <= drawn are painted

  const adapter = {
    total: plan.steps,
    numbersPerStep: 2 * S.C_g * S.kH * S.kW + S.kH + S.kW + 16,
    batchOf: (k) => unravel(dims, k)[0],

    spec(k, step) {
      const n = adapter.batchOf(k);
      const at = { rows: step.rows.map((r) => r - step.rows[0]), cols: step.cols.map((c) => c - step.cols[0]) };
      const tag = S.N > 1 ? `${n}, ` : "";
      drawn = k;
      return {
        input: {
          maxAbs: maxIn,
          outline: { top: plan.padding.top, left: plan.padding.left, rows: S.H, cols: S.W },
          panels: plan.padded[n].map((m, c) => ({ matrix: m, mask: plan.pad_mask, label: `x[${tag}${c}]` })),
        },
        kernel: {
          maxAbs: maxK,
          at,
          span: { rows: at.rows.at(-1) + 1, cols: at.cols.at(-1) + 1 },
          slices: S.C_g,
          panels: plan.kernel.flatMap((slices, f) =>
            slices.map((m, c) => ({ matrix: m, label: `w[${f}, ${c}]` })),
          ),
          bias: plan.bias ? plan.bias.map((v, f) => ({ value: v, label: `b[${f}]` })) : null,
        },
        output: {
          maxAbs: maxOut,
          panels: plan.output[n].map((m, f) => ({
            matrix: m,
            label: `y[${tag}${f}]`,
            filled: (i, j) => stepOf(dims, [n, f, i, j]) <= k,
          })),
        },
      };
    },

    fill(scene, k) {
      const n = adapter.batchOf(k);
      const paint = (q, on) => {
        const [nn, f, i, j] = unravel(dims, q);
        if (nn === n) scene.cell("output", f, i, j, on ? plan.output[n][f][i][j] : null);
      };
      for (let q = drawn + 1; q <= k; q++) paint(q, true);
      for (let q = drawn; q > k; q--) paint(q, false);
      drawn = k;
    },

    overlay(scene, k, step, hover, readers) {
      const [, f, i, j] = unravel(dims, k);
      const input = { marks: [], veil: [] };
      const kernel = { marks: [], veil: [] };
      const output = { marks: [{ panel: f, cells: [[i, j]], kind: "current" }], veil: [] };
      if (step) {
        const cells = cross(step.rows, step.cols);
        for (const c of step.ch) input.marks.push({ panel: c, cells, kind: "window" });
        for (let c = 0; c < S.C_in; c++) if (!step.ch.includes(c)) input.veil.push(c);
      }
      for (let p = 0; p < S.C_out * S.C_g; p++) {
        if (Math.floor(p / S.C_g) === f) kernel.marks.push({ panel: p, box: true, kind: "window" });
        else kernel.veil.push(p);
      }
      scene.overlays({ input, kernel, output }, hover, readers);
    },

    sum(step) {
      const f = step.out[1];
      const pad = step.rpad.flatMap((rp) => step.cpad.map((cp) => rp || cp));
      return {
        channels: step.ch.map((c, ci) => ({
          label: t("arith.channel", { c }),
          x: step.x[ci].flat(),
          w: plan.kernel[f][ci].flat(),
          pad,
          subtotal: step.s[ci],
        })),
        bias: plan.bias ? step.b : null,
        value: step.value,
      };
    },

    describe(k, step) {
      const [n, f, i, j] = step.out;
      const pads = step.rpad.flatMap((rp) => step.cpad.map((cp) => rp || cp)).filter(Boolean).length;
      return t("desc.forward", {
        k: k + 1, total: plan.steps, n, f, i, j,
        terms: step.ch.length * step.rows.length * step.cols.length,
        pads: pads * step.ch.length,
        value: fmt(step.value),
      }); // prettier-ignore
    },

    stepAt: (hit, k) => stepOf(dims, [adapter.batchOf(k), hit.panel, hit.i, hit.j]),

    readers(hit, cache, k) {
      const n = adapter.batchOf(k);
      const byFilter = new Map();
      for (const s of cache.range(n * perN, (n + 1) * perN)) {
        if (s.ch.includes(hit.panel) && s.rows.includes(hit.i) && s.cols.includes(hit.j)) {
          const f = s.out[1];
          if (!byFilter.has(f)) byFilter.set(f, []);
          byFilter.get(f).push([s.out[2], s.out[3]]);
        }
      }
      return byFilter;
    },
  };
  return adapter;
}
