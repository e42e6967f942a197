/**
 * controls/kernel-editor.js: type a kernel's numbers. Shows one (kH, kW) slice of the plan's
 * weight (A, B, kH, kW) at a time, picked by the filter/channel selects; an edit sends
 * kernel=values with weight_values: (kH, kW) for a single kernel, else the whole weight.
 *
 * createKernelEditor(doc, {store, t}) -> { set(weight), relabel(), json() -> string | null,
 *   weight (the current weight) }
 */
import { DEBOUNCE } from "./form.js";

export function createKernelEditor(doc, { store, t }) {
  const $ = (id) => doc.getElementById(id);
  let weight = null;
  let timer = 0;

  function weightJson(w) {
    if (!w) return null;
    const slices = w.flat(1).map((s) => JSON.stringify(s));
    return slices.every((s) => s === slices[0]) ? slices[0] : JSON.stringify(w); // (kH, kW) when all equal
  }

  function editor() {
    const box = $("kernel-editor");
    const f = Number($("edit-f").value) || 0;
    const c = Number($("edit-c").value) || 0;
    const slice = weight[f][c];
    box.style.gridTemplateColumns = `repeat(${slice[0].length}, minmax(2.6em, 4.2em))`;
    box.innerHTML = "";
    slice.forEach((row, i) =>
      row.forEach((v, j) => {
        const el = doc.createElement("input");
        el.type = "number";
        el.step = "any";
        el.value = String(v);
        el.dataset.i = i;
        el.dataset.j = j;
        el.setAttribute("aria-label", t("ctl.edit.cell", { i, j }));
        box.append(el);
      }),
    );
  }

  function options(select, n) {
    const keep = select.value || "0";
    select.innerHTML = Array.from({ length: n }, (_, i) => `<option value="${i}">${i}</option>`).join("");
    select.value = Number(keep) < n ? keep : "0";
  }

  $("kernel-editor").addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const f = Number($("edit-f").value) || 0;
      const c = Number($("edit-c").value) || 0;
      const slice = structuredClone(weight[f][c]);
      for (const el of $("kernel-editor").querySelectorAll("input")) {
        const v = Number(el.value);
        if (el.value.trim() === "" || !Number.isFinite(v)) return; // wait for a number
        slice[el.dataset.i][el.dataset.j] = v;
      }
      // A single kernel is sent as (kH, kW); otherwise the whole (A, B, kH, kW) weight.
      const shared = weight.length * weight[0].length === 1;
      const w = structuredClone(weight);
      w[f][c] = slice;
      store.setParams({ kernel: "values", weight_values: shared ? JSON.stringify(slice) : JSON.stringify(w) });
    }, DEBOUNCE);
  });
  $("edit-f").addEventListener("change", editor);
  $("edit-c").addEventListener("change", editor);

  return {
    set(w) {
      weight = w;
      options($("edit-f"), w.length);
      options($("edit-c"), w[0].length);
      $("controls").classList.toggle("many-kernels", w.length * w[0].length > 1);
      editor();
    },
    relabel: () => weight && editor(),
    json: () => weightJson(weight),
    get weight() {
      return weight;
    },
  };
}
