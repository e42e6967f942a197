/**
 * lab/custom-kernel.js: the lab's custom filter: a size (1×1 up to max×max), a starting point
 * (zeros or a preset) and the shared kernel editor for the numbers.
 *
 *   createCustomKernel(root, {max, presets, load, t, onChange}) -> {get, set, relabel}
 *     get() -> number[][]   the kernel as typed
 *     set(rows)             replace the kernel (e.g. from a link)
 *     relabel()             re-apply translated labels after a language switch
 *   presets: [{name, kernel, sized}] from the server (the numbers are the engine's own);
 *   load(size) -> Promise<presets> fetches them at another size: "start from box" on a 7×7
 *   editor gives the 7×7 box. A new size crops or zero-extends what was typed.
 */
import { createKernelEditor, resizeKernel } from "../shared/kernel-editor.js";

export function createCustomKernel(root, { max, presets, load, t, onChange }) {
  root.innerHTML = `
    <div class="editor-size">
      <label><span data-k="lab.editor.rows"></span> <select class="rows"></select></label>
      <label><span data-k="lab.editor.cols"></span> <select class="cols"></select></label>
      <label><span data-k="lab.editor.from"></span> <select class="from"></select></label>
    </div>
    <div class="editor-grid" role="group"></div>`;
  const rowsSel = root.querySelector(".rows");
  const colsSel = root.querySelector(".cols");
  const fromSel = root.querySelector(".from");
  const grid = root.querySelector(".editor-grid");
  for (const sel of [rowsSel, colsSel]) {
    for (let n = 1; n <= max; n++) sel.add(new Option(String(n), String(n)));
  }
  const editor = createKernelEditor(grid, { t, cellKey: "lab.editor.cell", onEdit: () => onChange() });

  function set(rows) {
    editor.set(rows);
    rowsSel.value = String(rows.length);
    colsSel.value = String(rows[0].length);
  }

  function relabel() {
    for (const el of root.querySelectorAll("[data-k]")) el.textContent = t(el.dataset.k);
    fromSel.innerHTML = "";
    fromSel.add(new Option("…", ""));
    fromSel.add(new Option(t("lab.editor.blank"), "zeros"));
    for (const p of presets) fromSel.add(new Option(t(`kernel.${p.name}`), p.name));
    grid.setAttribute("aria-label", t("lab.custom"));
    editor.relabel();
  }

  function resize() {
    set(resizeKernel(editor.get(), Number(rowsSel.value), Number(colsSel.value)).rows);
    onChange();
  }

  rowsSel.addEventListener("change", resize);
  colsSel.addEventListener("change", resize);
  fromSel.addEventListener("change", async () => {
    const name = fromSel.value;
    if (!name) return;
    const values = editor.get();
    const n = values.length;
    let preset = presets.find((p) => p.name === name);
    if (preset?.sized && n === values[0].length && n % 2 === 1 && n !== preset.kernel.length) {
      preset = (await load(n).catch(() => presets)).find((p) => p.name === name) || preset;
    }
    fromSel.value = "";
    set(name === "zeros" ? values.map((r) => r.map(() => 0)) : preset.kernel);
    onChange();
  });
  set([
    [0, -1, 0],
    [-1, 5, -1],
    [0, -1, 0],
  ]);
  relabel();

  return { get: editor.get, set, relabel };
}
