/**
 * variants/im2col.js: how a library computes conv2d: each window becomes a column of the
 * patch matrix, each filter a row of the weight matrix, the output their product. The step
 * highlights its column, its row and its output cell. Numbers: /api/variants/im2col.
 */
import { fmt, fmtCount } from "../shared/format.js";
import { getLang } from "../shared/i18n.js";
import { load } from "./api.js";
import { el, matrix } from "./matrix.js";
import { createSection } from "./section.js";
import { createStepper } from "./stepper.js";

export function createIm2col(root, { t, has, store }) {
  const newStepper = () => createStepper({ t, label: t("variants.step"), onStep: (k) => store.setStep("im2col", k) });
  const section = createSection(root, {
    t,
    has,
    key: (s) => `${JSON.stringify(s.params)}|${s.steps.im2col || 0}`,
    fetch: (s, opts) => load("im2col", s.params, { step: s.steps.im2col || 0 }, opts),
    render,
  });

  function render(body, m, s) {
    const stepper = newStepper(); // re-made per render: its labels follow the language
    const { at, shape } = m;
    const lang = getLang();
    stepper.set(s.steps.im2col || 0, m.steps);
    body.append(
      el("p", { text: t("variants.im.lead") }),
      stepper.node,
      el("p", { cls: "vr-math", attrs: { id: "im-sizes" }, text: t("variants.im.sizes", {
        rows: shape.rows, cols: shape.columns, groups: shape.groups,
        patch: fmtCount(m.patch_bytes, lang), input: fmtCount(m.input_bytes, lang), ratio: fmt(m.ratio, 3),
      }) }),
    );
    if (m.cols) {
      const taps = m.row_taps.map(([c, i, j]) => `x${c},${i},${j}`);
      body.append(el("div", { cls: "vr-row" }, [
        matrix(m.weight_matrix, { title: t("variants.im.weights"), cls: (r) => (r === at.row ? "hit" : ""), id: "im-w" }),
        el("span", { cls: "vr-op", text: "×" }),
        matrix(m.cols[at.group], { title: t("variants.im.patches", { g: at.group }), cls: (_, c) => (c === at.column ? "hit" : ""), note: (r, c) => (c === at.column ? taps[r] : ""), id: "im-cols" }),
      ]));
    } else {
      body.append(el("p", { cls: "small", text: t("variants.im.too_big") }));
    }
    body.append(
      matrix(m.output[at.n][at.f], { title: t("variants.im.output", { n: at.n, f: at.f }), cls: (i, j) => (i === at.oh && j === at.ow ? "hit" : ""), id: "im-out" }),
      el("p", { cls: "vr-equal", attrs: { id: "im-value", "data-v": String(m.value) },
        text: t("variants.im.value", { row: at.row, col: at.column, n: at.n, f: at.f, oh: at.oh, ow: at.ow, v: fmt(m.value) }) }),
    );
  }

  return section;
}
