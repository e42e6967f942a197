/**
 * views/transpose.js: the transposed convolution as the server streams it, one input element
 * per step: x[n, c, h, w] stamps x · weight[c] onto the output at the step's rows/cols (taps
 * with rin/cin false are cropped away by padding). The output view shows each step's `total`,
 * the server's running output under the stamp (bias included), replayed up to step k.
 *
 * createTranspose(plan, {t}) -> the same adapter shape as views/forward.js; stepAt() takes a
 * hit on the *input* view (an input element is a step here).
 */
import { fmt } from "../shared/format.js";
import { stepOf, unravel } from "./order.js";
import { maxAbsOf } from "../render/colors.js";

const zeros = (r, c) => Array.from({ length: r }, () => new Array(c).fill(null));

export function createTranspose(plan, { t }) {
  const S = plan.shape;
  const dims = [S.N, S.C_in, S.H, S.W];
  const perN = S.C_in * S.H * S.W;
  const F_g = plan.weight[0].length;
  let acc = null; // {n, upTo, y: C_out x H_out x W_out (null = nothing landed yet)}
  // The crop, drawn: the output sits inside the full result, whose border of `padding` rows
  // and columns is hatched (cropped away); output_padding rows/columns close the output at
  // the bottom/right. Drawn cell (i, j) = output cell (i - ph, j - pw).
  const pair = (v) => String(v ?? 0).split(",").map(Number);
  const [ph, pw = ph] = pair(plan.params.padding);
  const [oh, ow = oh] = pair(plan.params.output_padding);
  const GH = S.H_out + ph + Math.max(ph - oh, 0);
  const GW = S.W_out + pw + Math.max(pw - ow, 0);
  const inside = (i, j) => i >= ph && i < ph + S.H_out && j >= pw && j < pw + S.W_out;
  const mask = Array.from({ length: GH }, (_, i) => Array.from({ length: GW }, (_, j) => !inside(i, j)));
  const drawn = (m) => Array.from({ length: GH }, (_, i) => Array.from({ length: GW }, (_, j) => (inside(i, j) ? m[i - ph][j - pw] : null)));
  const cropped = ph + pw + oh + ow > 0;

  function reset(n) {
    acc = { n, upTo: n * perN - 1, y: Array.from({ length: S.C_out }, () => zeros(S.H_out, S.W_out)) };
  }

  function advance(k, cache, paint) {
    for (let q = acc.upTo + 1; q <= k; q++) {
      const s = cache.get(q);
      if (!s) break;
      s.ch.forEach((f, fi) =>
        s.rows.forEach((r, i) =>
          s.cols.forEach((c, j) => {
            if (!s.rin[i] || !s.cin[j]) return;
            const y = acc.y[f];
            y[r][c] = s.total[fi][i][j]; // the server's running output: no sums in the browser
            paint(f, r, c, y[r][c]);
          }),
        ),
      );
      acc.upTo = q;
    }
  }

  // Every tap of the stamp in drawn coordinates, the cropped ones too (they land on the hatch).
  const taps = (s) =>
    s.ch.map((f) => ({
      f,
      cells: s.rows.flatMap((r) => s.cols.map((c) => [r + ph, c + pw])).filter(([i, j]) => i >= 0 && j >= 0 && i < GH && j < GW),
    }));

  const adapter = {
    replays: true, // the picture at k sums every earlier step of the sample
    total: plan.steps,
    numbersPerStep: F_g * S.kH * S.kW + 2 * (S.kH + S.kW) + 16,
    batchOf: (k) => unravel(dims, k)[0],

    spec(k, step, cache) {
      const n = adapter.batchOf(k);
      reset(n);
      advance(k, cache, () => {});
      const tag = S.N > 1 ? `${n}, ` : "";
      const kernelAt = { rows: [...Array(S.kH).keys()], cols: [...Array(S.kW).keys()] };
      return {
        input: {
          maxAbs: maxAbsOf(plan.input),
          panels: plan.input[n].map((m, c) => ({ matrix: m, label: `x[${tag}${c}]` })),
        },
        kernel: {
          maxAbs: maxAbsOf([plan.kernel, plan.bias || []]),
          at: kernelAt,
          span: { rows: S.kH, cols: S.kW },
          slices: F_g,
          panels: plan.kernel.flatMap((slices, c) => slices.map((m, f) => ({ matrix: m, label: `w[${c}, ${f}]` }))),
          bias: null,
        },
        output: {
          maxAbs: maxAbsOf(plan.output),
          panels: acc.y.map((m, f) => {
            const d = drawn(m);
            return { matrix: d, label: `y[${tag}${f}]`, mask: cropped ? mask : undefined, filled: (i, j) => d[i][j] !== null };
          }),
          outline: cropped ? { top: ph, left: pw, rows: S.H_out, cols: S.W_out } : undefined,
        },
      };
    },

    fill(scene, k, cache) {
      if (k < acc.upTo) {
        reset(adapter.batchOf(k));
        advance(k, cache, () => {});
        acc.y.forEach((m, f) => {
          const d = drawn(m);
          scene.paint("output", f, d, (i, j) => d[i][j] !== null);
        });
        return;
      }
      advance(k, cache, (f, r, c, v) => scene.cell("output", f, r + ph, c + pw, v));
    },

    overlay(scene, k, step, hover, readers) {
      const [, c, h, w] = unravel(dims, k);
      const kernel = { marks: [], veil: [] };
      for (let p = 0; p < S.C_in * F_g; p++) {
        if (Math.floor(p / F_g) === c) kernel.marks.push({ panel: p, box: true, kind: "window" });
        else kernel.veil.push(p);
      }
      const output = { marks: step ? taps(step).map((x) => ({ panel: x.f, cells: x.cells, kind: "window" })) : [] };
      const input = { marks: [{ panel: c, cells: [[h, w]], kind: "current" }] };
      scene.overlays({ input, kernel, output }, hover, readers);
    },

    sum(step) {
      const c = step.at[1];
      const lines = [{ label: `x[${step.at.join(", ")}]`, value: step.v, role: "result" }];
      step.ch.forEach((f, fi) => {
        lines.push({
          label: t("tp.stamp", { c, f: fi, o: f }),
          terms: plan.kernel[c][fi].flat().map((w) => ({ a: step.v, b: w })),
        });
      });
      return { lines };
    },

    describe(k, step) {
      const [n, c, h, w] = step.at;
      return t("desc.transpose", { k: k + 1, total: plan.steps, n, c, h, w, v: fmt(step.v) });
    },

    stepAt: () => null, // output cells are sums of many stamps: no single step to jump to
    inputStep: (hit, k) => stepOf(dims, [adapter.batchOf(k), hit.panel, hit.i, hit.j]),
    readers(hit, cache, k) {
      const s = cache.get(stepOf(dims, [adapter.batchOf(k), hit.panel, hit.i, hit.j]));
      return new Map(s ? taps(s).map((x) => [x.f, x.cells]) : []);
    },
  };
  return adapter;
}
