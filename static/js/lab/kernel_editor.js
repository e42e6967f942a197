/**
 * lab/kernel_editor.js: a rectangular custom kernel, 1×1 up to max×max, typed cell by cell.
 *
 *   createKernelEditor(root, {max, presets, load, t, onChange}) -> {get, set, relabel}
 *     get() -> number[][]   the kernel as typed (empty or invalid cells count as 0)
 *     set(rows)             replace the kernel (e.g. from a preset)
 *     relabel()             re-apply translated labels after a language switch
 *   presets: [{name, kernel, sized}] from the server (the numbers are the engine's own);
 *   load(size) -> Promise<presets> fetches them at another size: "start from box" on a 7×7
 *   editor gives the 7×7 box.
 */

export function createKernelEditor(root, { max, presets, load, t, onChange }) {
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
  let values = [
    [0, -1, 0],
    [-1, 5, -1],
    [0, -1, 0],
  ];

  function relabel() {
    for (const el of root.querySelectorAll("[data-k]")) el.textContent = t(el.dataset.k);
    fromSel.innerHTML = "";
    fromSel.add(new Option("…", ""));
    fromSel.add(new Option(t("lab.editor.blank"), "zeros"));
    for (const p of presets) fromSel.add(new Option(t(`lab.f.${p.name}`), p.name));
    grid.setAttribute("aria-label", t("lab.custom"));
    for (const input of grid.querySelectorAll("input")) {
      input.setAttribute("aria-label", t("lab.editor.cell", { i: +input.dataset.i + 1, j: +input.dataset.j + 1 }));
    }
  }

  function draw() {
    const R = values.length;
    const C = values[0].length;
    rowsSel.value = String(R);
    colsSel.value = String(C);
    grid.style.gridTemplateColumns = `repeat(${C}, minmax(2.6em, 1fr))`;
    grid.innerHTML = "";
    for (let i = 0; i < R; i++) {
      for (let j = 0; j < C; j++) {
        const input = document.createElement("input");
        input.type = "number";
        input.step = "any";
        input.value = String(Number(values[i][j].toPrecision(4))); // exact value kept until edited
        input.dataset.i = String(i);
        input.dataset.j = String(j);
        input.addEventListener("change", () => {
          const v = Number(input.value);
          values[i][j] = Number.isFinite(v) ? v : 0;
          onChange();
        });
        grid.appendChild(input);
      }
    }
    relabel();
  }

  function resize() {
    const R = Number(rowsSel.value);
    const C = Number(colsSel.value);
    values = Array.from({ length: R }, (_, i) => Array.from({ length: C }, (_, j) => values[i]?.[j] ?? 0));
    draw();
    onChange();
  }

  rowsSel.addEventListener("change", resize);
  colsSel.addEventListener("change", resize);
  fromSel.addEventListener("change", async () => {
    const name = fromSel.value;
    if (!name) return;
    const n = values.length;
    let preset = presets.find((p) => p.name === name);
    if (preset?.sized && n === values[0].length && n % 2 === 1 && n !== preset.kernel.length) {
      preset = (await load(n).catch(() => presets)).find((p) => p.name === name) || preset;
    }
    if (name === "zeros") values = values.map((r) => r.map(() => 0));
    else values = preset.kernel.map((r) => [...r]);
    fromSel.value = "";
    draw();
    onChange();
  });
  draw();

  return {
    get: () => values.map((r) => [...r]),
    set(rows) {
      values = rows.map((r) => [...r]);
      draw();
    },
    relabel,
  };
}
