/**
 * explorer/kernel-slices.js: type a kernel's numbers. The shared kernel editor shows one
 * (kH, kW) slice of the plan's weight (A, B, kH, kW) at a time, picked by the filter/channel
 * selects; an edit sends kernel=values with weight_values: (kH, kW) when every slice is the
 * same (one kernel), else the whole weight.
 *
 * createKernelSlices(doc, {store, t}) -> { set(weight), relabel(), json() -> string | null,
 *   resized(kH, kW) -> string | null (the weight cropped/zero-extended, as weight_values),
 *   weight (the current weight) }
 */
import { createKernelEditor, resizeKernel } from "../shared/kernel-editor.js";

const weightJson = (w) => {
  const slices = w.flat(1).map((s) => JSON.stringify(s));
  return slices.every((s) => s === slices[0]) ? slices[0] : JSON.stringify(w); // (kH, kW) when all equal
};

export function createKernelSlices(doc, { store, t }) {
  const $ = (id) => doc.getElementById(id);
  let weight = null;
  const pick = () => [Number($("edit-f").value) || 0, Number($("edit-c").value) || 0];
  const editor = createKernelEditor($("kernel-editor"), {
    t,
    cellKey: "ctl.edit.cell",
    onEdit(slice) {
      const [f, c] = pick();
      const w = structuredClone(weight);
      w[f][c] = slice;
      store.setParams({ kernel: "values", weight_values: weightJson(w) });
    },
  });

  function options(select, n) {
    const keep = select.value || "0";
    select.innerHTML = Array.from({ length: n }, (_, i) => `<option value="${i}">${i}</option>`).join("");
    select.value = Number(keep) < n ? keep : "0";
  }
  const show = () => {
    const [f, c] = pick();
    editor.set(weight[f][c]);
  };
  $("edit-f").addEventListener("change", show);
  $("edit-c").addEventListener("change", show);

  return {
    set(w) {
      weight = w;
      options($("edit-f"), w.length);
      options($("edit-c"), w[0].length);
      $("controls").classList.toggle("many-kernels", w.length * w[0].length > 1);
      show();
    },
    relabel: () => weight && editor.relabel(),
    json: () => (weight ? weightJson(weight) : null),
    resized(kH, kW) {
      if (!weight) return null;
      const w = weight.map((row) => row.map((k) => resizeKernel(k, kH, kW).rows));
      return weightJson(w);
    },
    get weight() {
      return weight;
    },
  };
}
