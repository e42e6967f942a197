/**
 * variants/transposed.js: a transposed convolution two ways, synchronized on one output cell.
 * Scatter: each input element stamps x·W onto the output canvas; the stamps that land on this
 * cell are listed, and the crop (padding) and the extra rows of output_padding are drawn.
 * Direct: the same cell as an ordinary stride-1 conv over the zero-inserted, padded input with
 * the flipped kernel. Same products, same sum. Numbers: /api/conv-transpose/plan (direct_*)
 * and /api/variants/transposed (the step, the stamps, the uncropped canvas).
 */
import { fmt, fmtFactor } from "../shared/format.js";
import { load } from "./api.js";
import { cells, el, list, matrix } from "./matrix.js";
import { createSection } from "./section.js";
import { createStepper } from "./stepper.js";

const KIND = ["zpad", "zero", ""]; // direct_cells: 0 padding, 1 inserted zero, 2 input element

export function createTransposed(root, { t, has, store }) {
  const newStepper = () => createStepper({ t, label: t("variants.step"), onStep: (k) => store.setStep("transposed", k) });
  const section = createSection(root, {
    t,
    has,
    key: (s) => `${JSON.stringify(s.params)}|${s.steps.transposed || 0}`,
    fetch: async (s, opts) => {
      const [plan, at] = await Promise.all([
        load("transposePlan", s.params, {}, opts),
        load("transposed", s.params, { step: s.steps.transposed || 0 }, opts),
      ]);
      return { plan, at };
    },
    render,
  });

  function render(body, { plan, at }) {
    const stepper = newStepper(); // re-made per render: its labels follow the language
    const st = at.step;
    const [n, f, oh, ow] = st.out;
    const c = st.ch[0];
    const sh = plan.shape;
    const F_g = sh.C_out / sh.groups;
    const crop = plan.crop;
    stepper.set(st.k, at.steps);
    body.append(
      el("p", { text: t("variants.tp.lead", { H: sh.H, W: sh.W, Ho: sh.H_out, Wo: sh.W_out }) }),
      stepper.node,
    );

    // Scatter: the input elements whose stamps reach y[n, f, oh, ow], and where on the canvas.
    const used = new Set(at.stamps.filter((s) => s.c === c).map((s) => `${s.h},${s.w}`));
    const taps = new Set(at.stamps.filter((s) => s.c === c).map((s) => `${s.ki},${s.kj}`));
    const full = at.full[n][f];
    const Hf = full.length;
    const Wf = full[0].length;
    const canvas = matrix(full, {
      title: t("variants.tp.canvas", { f }),
      cls: (i, j) => {
        const inside = i >= crop.top && j >= crop.left && i < Hf - Math.max(0, crop.bottom) && j < Wf - Math.max(0, crop.right);
        return `${inside ? "" : "crop "}${i === oh + crop.top && j === ow + crop.left ? "hit" : ""}`;
      },
      id: "tp-canvas",
    });
    const output = matrix(plan.output[n][f], {
      title: t("variants.tp.output", { f, Ho: sh.H_out, Wo: sh.W_out }),
      cls: (i, j) => `${i >= sh.H_out - at.output_padding[0] || j >= sh.W_out - at.output_padding[1] ? "extra " : ""}${i === oh && j === ow ? "hit" : ""}`,
      id: "tp-output",
    });
    body.append(
      el("h3", { text: t("variants.tp.scatter") }),
      el("div", { cls: "vr-row" }, [
        matrix(plan.input[n][c], { title: t("variants.tp.input", { c, H: sh.H, W: sh.W }), cls: (i, j) => (used.has(`${i},${j}`) ? "hit" : ""), id: "tp-x" }),
        matrix(plan.kernel[c][f % F_g], { title: t("variants.tp.kernel", { c, f: f % F_g }), cls: (i, j) => (taps.has(`${i},${j}`) ? "hit" : "") }),
        canvas,
        output,
      ]),
      el("p", { cls: "small", text: t("variants.tp.crop", { top: crop.top, left: crop.left, bottom: crop.bottom, right: crop.right }) }),
      list(at.stamps.map((s) => `x[${n},${s.c},${s.h},${s.w}]·W[${s.c},${f % F_g},${s.ki},${s.kj}] = ${fmtFactor(s.x)}·${fmtFactor(s.w_tap)} = ${fmt(s.product)}`), "vr-terms mono"),
    );

    // Direct: a stride-1 window over z with the flipped kernel.
    const win = cells(st.rows, st.cols);
    const kinds = plan.direct_cells;
    const ci = c - st.ch[0];
    const direct = [];
    st.x[ci].forEach((row, a) => row.forEach((zv, b) => {
      if (at.element[st.rows[a]][st.cols[b]] >= 0) direct.push(`z[${st.rows[a]},${st.cols[b]}]·w′[${f},${ci},${a},${b}] = ${fmtFactor(zv)}·${fmtFactor(plan.direct_weight[f][ci][a][b])} = ${fmt(st.p[ci][a][b])}`);
    }));
    body.append(
      el("h3", { text: t("variants.tp.direct") }),
      el("div", { cls: "vr-row" }, [
        matrix(plan.direct_input[n][c], { title: t("variants.tp.z", { c }), cls: (i, j) => `${KIND[kinds[i][j]]} ${win.has(`${i},${j}`) ? "hit" : ""}`, id: "tp-z" }),
        matrix(plan.direct_weight[f][ci], { title: t("variants.tp.flipped", { f, c: ci }), id: "tp-w" }),
        matrix(plan.output[n][f], { title: t("variants.tp.output", { f, Ho: sh.H_out, Wo: sh.W_out }), cls: (i, j) => (i === oh && j === ow ? "hit" : "") }),
      ]),
      el("p", { cls: "small", text: t("variants.tp.legend") }),
      list(direct, "vr-terms mono"),
      el("p", { cls: "vr-equal", attrs: { id: "tp-value", "data-v": String(st.value) }, text: t("variants.tp.value", { n, f, oh, ow, v: fmt(st.value) }) }),
    );
  }

  return section;
}
