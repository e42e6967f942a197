/**
 * shared/kernel-editor.js: the one kernel editor: a grid of number cells, one (kH, kW) kernel.
 * Both pages use it: the explorer for one slice of its weight, the lab for its custom filter.
 *
 * An edit commits on "change" (Enter, Tab, blur, spinner), not on a timer, so typing into one
 * cell and then another never loses the first (issue 8, defect 1).
 *
 *   createKernelEditor(grid, {t, cellKey, onEdit(rows)}) -> {get, set(rows), relabel}
 *     grid     an element; its cells are <input type=number> laid out by CSS grid
 *     cellKey  i18n key of a cell's accessible name, with {i} {j} (1-based)
 *     onEdit   called with the whole kernel (number[][]) after a cell commits
 *   resizeKernel(rows, R, C) -> {rows, kept}   crop or zero-extend to R x C, keeping the
 *     top-left block; kept says whether any typed value survived
 */
export function resizeKernel(rows, R, C) {
  const out = Array.from({ length: R }, (_, i) => Array.from({ length: C }, (_, j) => rows[i]?.[j] ?? 0));
  return { rows: out, kept: out.some((r) => r.some((v) => v !== 0)) };
}

export function createKernelEditor(grid, { t, cellKey, onEdit }) {
  let values = [[0]];

  function relabel() {
    for (const input of grid.querySelectorAll("input")) {
      input.setAttribute("aria-label", t(cellKey, { i: +input.dataset.i + 1, j: +input.dataset.j + 1 }));
    }
  }

  function draw() {
    const C = values[0].length;
    grid.style.gridTemplateColumns = `repeat(${C}, minmax(2.6em, 4.2em))`;
    grid.replaceChildren(
      ...values.flatMap((row, i) =>
        row.map((v, j) => {
          const input = document.createElement("input");
          input.type = "number";
          input.step = "any";
          input.value = String(Number(v.toPrecision(6))); // the exact value is kept until edited
          input.dataset.i = String(i);
          input.dataset.j = String(j);
          return input;
        }),
      ),
    );
    relabel();
  }

  grid.addEventListener("change", (e) => {
    const input = e.target;
    if (input.tagName !== "INPUT") return;
    const v = Number(input.value);
    if (input.value.trim() === "" || !Number.isFinite(v)) return; // wait for a number
    values[+input.dataset.i][+input.dataset.j] = v;
    onEdit(values.map((r) => [...r]));
  });

  return {
    get: () => values.map((r) => [...r]),
    set(rows) {
      values = rows.map((r) => [...r]);
      draw();
    },
    relabel,
  };
}
