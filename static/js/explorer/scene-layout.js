/**
 * explorer/scene-layout.js: where the explorer's views go. Pure arithmetic on sizes.
 *
 *   layoutView(view, spec, width, {sizes, large, fitHeight}) -> layout (render/layout.js)
 *   shareColumns(box, spec)   flex-grow of each view in proportion to its columns of cells
 */
import { layoutKernels, layoutPanels } from "../render/layout.js";

export function layoutView(view, s, width, { sizes, large, fitHeight }) {
  // Projector: cells also shrink to fit the screen's height (grids, sum and transport in
  // one 1280x720 screen), never below the size that keeps numbers at 20 px and more.
  const rows = view === "kernel" ? s.span.rows : s.panels[0].matrix.length;
  const room = view === "kernel" ? fitHeight() / 2 : fitHeight(); // the sum goes under the kernel
  const byHeight = Math.floor((room - sizes.labelH - sizes.legendH - 12) / rows);
  const maxCell = Math.max(large ? 40 : 18, Math.min(sizes.maxCell[view], byHeight));
  const common = { width, maxCell, gap: sizes.gap, labelH: sizes.labelH };
  if (view === "kernel") {
    return layoutKernels({
      ...common,
      filters: s.panels.length / s.slices,
      slices: s.slices,
      rows: s.span.rows,
      cols: s.span.cols,
      bias: Boolean(s.bias),
    });
  }
  const [m] = s.panels.map((p) => p.matrix);
  return layoutPanels({ ...common, count: s.panels.length, rows: m.length, cols: m[0].length });
}

// Give each view a width in proportion to its columns of cells, so that on a wide screen the
// three views share one cell size: the kernel then covers exactly its window on the input.
export function shareColumns(box, spec) {
  if (!box) return;
  const colsOf = (s) => (s && s.panels.length ? s.panels[0].matrix[0].length : 1);
  const k = spec.kernel;
  const kernelCols = k && k.span ? k.slices * k.span.cols + (k.bias ? 1.5 : 0) + k.slices * 0.4 : colsOf(k);
  box.style.setProperty("--g-input", String(colsOf(spec.input) + 1));
  box.style.setProperty("--g-kernel", String(Math.max(4, kernelCols + 1)));
  box.style.setProperty("--g-output", String(colsOf(spec.output) + 1));
}
