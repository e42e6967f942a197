/**
 * receptive/controls.js: the only module of this page that reads inputs: the layer-stack
 * editor (add, remove, reorder; k, s, p, d per layer), the preset menu, the input size, y,
 * and the "copy a link" button.
 *
 *   createControls(form, {bounds, presets, t, onEdit}) -> controls
 *     onEdit(patch)             a valid change: {layers}, {size}, {y} or a preset's
 *                               {layers, size, y: null}; out-of-bounds typing is marked
 *                               aria-invalid and sent only once clamped (on change/blur)
 *     controls.show(state)      reflect the state: rebuild only what differs from the
 *                               inputs, never the focused one (typing keeps focus and caret)
 *     controls.setLast(n)       the last map's length from the server: y's upper bound
 *     controls.relabel()        after a language switch
 */
import { checked, clampInto, renderRows } from "./layer-rows.js";
import { layersText, parseLayers } from "./state.js";

export function createControls(form, { bounds, presets, t, onEdit }) {
  const $ = (id) => form.querySelector(`#${id}`);
  const list = $("layers");
  const preset = $("preset");
  const size = $("size");
  const yInput = $("y");
  let layers = [];
  let last = null;

  for (const p of [{ id: "custom" }, ...presets]) preset.append(new Option("", p.id));
  size.min = bounds.size[0];
  size.max = bounds.size[1];

  function showPreset() {
    const text = layersText(layers);
    preset.value = presets.find((p) => p.layers === text)?.id || "custom";
  }

  function edited(next, focus) {
    layers = next;
    renderRows(form, layers, bounds, t);
    showPreset();
    if (focus) list.querySelector(focus)?.focus();
    onEdit({ layers });
  }

  list.addEventListener("input", (e) => {
    const input = e.target.closest("input[type=number]");
    if (!input) return;
    const v = checked(input, bounds[input.dataset.field], t);
    if (v === null) return;
    const i = Number(input.closest("li").dataset.index);
    layers = layers.map((l, j) => (j === i ? { ...l, [input.dataset.field]: v } : l));
    showPreset();
    onEdit({ layers });
  });
  list.addEventListener("change", (e) => {
    const pick = e.target.closest("[data-field=kind], [data-field=ceil]");
    if (pick) {
      const i = Number(pick.closest("li").dataset.index);
      const patch = pick.dataset.field === "kind" ? { kind: pick.value, ceil: false } : { ceil: pick.checked };
      const focus = `li[data-index="${i}"] [data-field="${pick.dataset.field}"]`;
      edited(layers.map((l, j) => (j === i ? { ...l, ...patch } : l)), focus);
      return;
    }
    const input = e.target.closest("input[type=number]");
    if (input && input.getAttribute("aria-invalid") === "true") {
      clampInto(input, bounds[input.dataset.field], t);
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }
  });
  list.addEventListener("click", (e) => {
    const button = e.target.closest("button[data-act]");
    if (!button) return;
    const i = Number(button.closest("li").dataset.index);
    const next = [...layers];
    const act = button.dataset.act;
    if (act === "remove") {
      next.splice(i, 1);
      const j = Math.min(i, next.length - 1);
      edited(next, `li[data-index="${j}"] [data-act="remove"]:not(:disabled), li[data-index="${j}"] input`);
      return;
    }
    const j = act === "up" ? i - 1 : i + 1;
    [next[i], next[j]] = [next[j], next[i]];
    edited(next, `li[data-index="${j}"] [data-act="${act}"]:not(:disabled), li[data-index="${j}"] button:not(:disabled)`);
  });
  $("add-layer").addEventListener("click", () => {
    if (layers.length >= bounds.layers) return;
    edited([...layers, { ...layers[layers.length - 1] }], `li[data-index="${layers.length}"] input`);
  });
  preset.addEventListener("change", () => {
    const p = presets.find((q) => q.id === preset.value);
    if (!p) return;
    layers = parseLayers(p.layers, bounds);
    size.value = String(p.size);
    renderRows(form, layers, bounds, t);
    onEdit({ layers, size: p.size, y: null }); // y: the middle of the new last map
  });
  size.addEventListener("input", () => {
    const v = checked(size, bounds.size, t);
    if (v !== null) onEdit({ size: v });
  });
  size.addEventListener("change", () => {
    if (size.getAttribute("aria-invalid") === "true") onEdit({ size: clampInto(size, bounds.size, t) });
  });
  yInput.addEventListener("input", () => {
    const v = checked(yInput, [0, last === null ? 1e6 : last - 1], t);
    if (v !== null) onEdit({ y: v });
  });
  yInput.addEventListener("change", () => {
    if (yInput.getAttribute("aria-invalid") === "true") onEdit({ y: clampInto(yInput, [0, (last ?? 1) - 1], t) });
  });
  form.addEventListener("submit", (e) => e.preventDefault());
  $("share").addEventListener("click", async () => {
    let ok = true;
    try {
      await navigator.clipboard.writeText(location.href); // the hash holds the whole view
    } catch {
      ok = false;
    }
    $("share-done").textContent = t(ok ? "share.done" : "share.manual");
  });

  const controls = {
    show(state) {
      // Rebuild only what differs, and never under the user's caret: focus and typing stay.
      if (layersText(state.layers) !== layersText(layers)) {
        layers = state.layers;
        renderRows(form, layers, bounds, t);
      }
      showPreset();
      if (document.activeElement !== size && Number(size.value) !== state.size) {
        size.value = String(state.size);
        checked(size, bounds.size, t);
      }
      if (state.y !== null && document.activeElement !== yInput && Number(yInput.value) !== state.y) {
        yInput.value = String(state.y);
        yInput.setAttribute("aria-invalid", "false");
      }
    },
    setLast(n) {
      last = n;
      yInput.max = String(n - 1);
      $("y-hint").textContent = t("rf.y.hint", { max: n - 1 });
    },
    relabel() {
      preset.querySelector('option[value="custom"]').textContent = t("rf.preset.custom");
      for (const p of presets) preset.querySelector(`option[value="${p.id}"]`).textContent = t(`rf.preset.${p.id}`);
      const focused = document.activeElement;
      const where = focused && list.contains(focused) ? [focused.closest("li").dataset.index, focused.dataset.field || focused.dataset.act] : null;
      renderRows(form, layers, bounds, t);
      if (where) list.querySelector(`li[data-index="${where[0]}"] [data-field="${where[1]}"], li[data-index="${where[0]}"] [data-act="${where[1]}"]`)?.focus();
      if (last !== null) controls.setLast(last);
    },
  };
  return controls;
}
