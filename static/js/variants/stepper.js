/**
 * variants/stepper.js: one section's step control: back, a slider, forward, "step k of n".
 * It only reports the index the reader picked; the section asks the server for that step.
 *
 *   createStepper({t, label, onStep(k)}) -> {node, set(k, total)}
 */
import { el } from "./matrix.js";

export function createStepper({ t, label, onStep }) {
  const back = el("button", { text: "◀", attrs: { type: "button", "aria-label": t("tr.back") } });
  const fwd = el("button", { text: "▶", attrs: { type: "button", "aria-label": t("tr.fwd") } });
  const range = el("input", { attrs: { type: "range", min: "0", step: "1", "aria-label": label } });
  const count = el("output", { cls: "vr-count" });
  const node = el("div", { cls: "vr-stepper" }, [back, range, fwd, count]);
  let k = 0;
  let total = 1;
  const go = (next) => {
    const clamped = Math.max(0, Math.min(total - 1, next));
    if (clamped !== k) onStep(clamped);
  };
  back.addEventListener("click", () => go(k - 1));
  fwd.addEventListener("click", () => go(k + 1));
  range.addEventListener("change", () => go(Number(range.value)));
  return {
    node,
    set(step, steps) {
      k = step;
      total = steps;
      range.max = String(Math.max(0, steps - 1));
      range.value = String(step);
      count.textContent = t("tr.counter", { k: step + 1, total: steps });
      back.disabled = step <= 0;
      fwd.disabled = step >= steps - 1;
    },
  };
}
