/**
 * variants/update.js: one step of gradient descent on this layer's kernels (seed §3.2.4):
 * W ← W − η·dW for the loss the reader picks, with the loss before and after, and "Apply
 * update", which makes the new kernel the layer's kernel (the URL carries it, so every section
 * and the explorer move on together). Numbers from /api/variants/update.
 */
import { fmt } from "../shared/format.js";
import { load } from "./api.js";
import { el, matrix } from "./matrix.js";
import { createSection } from "./section.js";

const RATES = ["0.00001", "0.0001", "0.001", "0.01", "0.1", "1"];

export function createUpdate(root, { t, has, store, kernels }) {
  const section = createSection(root, {
    t,
    has,
    key: (s) => `${JSON.stringify(s.params)}|${s.lr}|${s.loss}|${s.target}`,
    fetch: (s, opts) => load("update", s.params, { lr: s.lr, loss: s.loss, target_kernel: s.loss === "mse" ? s.target : "" }, opts),
    render,
  });

  function select(id, label, value, options, onChange) {
    const node = el("select", { attrs: { id } }, options.map(([v, text]) => el("option", { text, attrs: { value: v } })));
    node.value = value;
    node.addEventListener("change", () => onChange(node.value));
    return el("label", { cls: "vr-field" }, [el("span", { text: label }), node]);
  }

  function render(body, u, s) {
    const controls = el("div", { cls: "vr-controls" }, [
      select("up-lr", t("variants.up.lr"), s.lr, RATES.map((r) => [r, r]), (lr) => store.set({ lr })),
      select("up-loss", t("variants.up.loss"), s.loss, [["sum", t("variants.up.sum")], ["mse", t("variants.up.mse")]], (loss) => store.set({ loss })),
      s.loss === "mse" ? select("up-target", t("variants.up.target"), s.target, kernels.map((k) => [k, k]), (target) => store.set({ target })) : null,
    ]);
    const apply = el("button", { cls: "vr-button primary", text: t("variants.up.apply"), attrs: { type: "button", id: "up-apply" } });
    apply.addEventListener("click", () => {
      const patch = { kernel: "values", weight_values: JSON.stringify(u.new_weight) };
      if (u.new_bias) patch.bias_values = u.new_bias.join(",");
      store.setParams(patch);
    });
    body.append(
      el("p", { cls: "vr-math", text: s.loss === "mse" ? "L = ½‖y − t‖²,  dL/dy = y − t" : "L = Σ y,  dL/dy = 1" }),
      s.loss === "mse" ? el("p", { cls: "small", text: t("variants.up.target_note", { k: s.target }) }) : null,
      controls,
      el("div", { cls: "vr-row" }, [
        matrix(u.weight[0][0], { title: t("variants.up.w"), id: "up-w" }),
        el("span", { cls: "vr-op", text: `− ${u.lr} ·` }),
        matrix(u.dw[0][0], { title: t("variants.up.dw"), id: "up-dw" }),
        el("span", { cls: "vr-op", text: "=" }),
        matrix(u.new_weight[0][0], { title: t("variants.up.new"), id: "up-new" }),
      ]),
      el("p", { cls: "small", text: t("variants.up.first") }),
      el("p", { cls: "vr-loss", attrs: { id: "up-loss-line", "data-before": String(u.loss_before), "data-after": String(u.loss_after) },
        text: t("variants.up.loss_line", { before: fmt(u.loss_before, 6), after: fmt(u.loss_after, 6) }) }),
      apply,
    );
  }

  return section;
}
