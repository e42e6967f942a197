/**
 * lab/controls.js: the only lab module that reads the form. Builds the filter picker (with a
 * tiny picture of each kernel, drawn by the explorer's grid.js) and the option lists from the
 * server's limits, and turns the inputs into one settings object.
 *
 *   createControls(form, {limits, presets, t, onChange}) -> {read, relabel, setPresets}
 *     read() -> settings {filters, kernel, mode, stride, padding, padding_mode, dilation,
 *                         size, relu, magnitude, contrast}
 *     onChange(settings) after any edit
 *   Settings also live in location.hash, so a link reproduces the same view.
 */
import { fitCanvas } from "../shared/canvas.js";
import { drawGrid } from "../render/grid.js";
import { makeScale, maxAbsOf } from "../render/colors.js";
import { presetKernels } from "./api.js";
import { createCustomKernel } from "./custom-kernel.js";

const DEFAULT_FILTERS = ["sobel_x", "sobel_y", "laplacian", "gaussian"];
const THUMB = 28; // CSS px of a kernel thumbnail

export function createControls(form, { limits, presets, t, onChange }) {
  const $ = (sel) => form.querySelector(sel);
  const list = $("#preset-list");
  const hash = new URLSearchParams(location.hash.slice(1));
  const chosen = new Set(hash.has("filters") ? hash.get("filters").split(",") : DEFAULT_FILTERS);

  list.innerHTML = "";
  const thumbs = [];
  for (const p of presets) {
    const label = document.createElement("label");
    label.className = "preset";
    label.innerHTML = `<input type="checkbox" name="filters" value="${p.name}">
      <canvas class="thumb" aria-hidden="true"></canvas><span data-i18n="kernel.${p.name}"></span>`;
    label.querySelector("input").checked = chosen.has(p.name);
    list.appendChild(label);
    thumbs.push([label.querySelector("canvas"), p]);
  }

  const size = $("#size");
  for (let n = 1; n <= limits.max_kernel; n += 2) size.add(new Option(`${n}×${n}`, String(n)));
  size.value = "3";
  const padding = $("#padding");
  padding.add(new Option("same", "same"));
  padding.add(new Option("valid", "valid"));
  for (let p = 0; p <= limits.max_padding; p++) padding.add(new Option(String(p), String(p)));
  $("#stride").max = String(limits.max_stride);
  $("#dilation").max = String(limits.max_dilation);

  const editor = createCustomKernel($("#kernel-editor"), {
    max: limits.max_kernel,
    presets,
    load: presetKernels,
    t,
    onChange: changed,
  });

  // Restore the rest of a shared link.
  for (const key of ["stride", "padding", "padding_mode", "dilation", "size", "contrast"]) {
    if (hash.has(key)) form.elements[key].value = hash.get(key);
  }
  if (hash.has("mode")) form.querySelector(`input[name=mode][value="${CSS.escape(hash.get("mode"))}"]`)?.click();
  for (const key of ["relu", "magnitude"]) $(`#${key}`).checked = hash.get(key) === "true";
  $("#resolution").checked = hash.get("resolution") === "full";
  if (hash.has("kernel")) {
    try {
      editor.set(JSON.parse(hash.get("kernel")));
      $("#use-custom").checked = true;
    } catch {
      /* a damaged link keeps the default kernel */
    }
  }
  $("#kernel-editor").hidden = !$("#use-custom").checked;

  function drawThumbs() {
    for (const [canvas, p] of thumbs) {
      const k = p.kernel;
      const cell = Math.max(2, Math.floor(THUMB / Math.max(k.length, k[0].length)));
      const ctx = fitCanvas(canvas, cell * k[0].length, cell * k.length);
      drawGrid(ctx, k, { x: 0, y: 0, cell, gap: 0, color: makeScale(maxAbsOf(k)), text: null });
    }
  }

  function read() {
    const filters = [...form.querySelectorAll("input[name=filters]:checked")].map((i) => i.value);
    const custom = $("#use-custom").checked;
    if (custom) filters.push("custom");
    // Sent as typed (0, empty, 2 with 'same'): the server's 422 says what to change, where the
    // page used to turn 0 into 1 silently. Every filter of the request uses it.
    const stride = $("#stride").value.trim();
    const pad = padding.value;
    return {
      filters,
      kernel: custom ? editor.get() : null,
      mode: form.querySelector("input[name=mode]:checked").value,
      stride: String(stride),
      padding: pad,
      padding_mode: $("#padding_mode").value,
      dilation: $("#dilation").value.trim(),
      size: size.value,
      relu: $("#relu").checked,
      magnitude: $("#magnitude").checked,
      contrast: $("#contrast").value,
      resolution: $("#resolution").checked ? "full" : "working",
    };
  }

  function changed() {
    const s = read();
    $("#kernel-editor").hidden = !$("#use-custom").checked;
    const n = s.filters.length;
    const count = $("#filter-count");
    count.textContent = t("lab.filters.count", { n, max: limits.max_filters });
    count.classList.toggle("over", n > limits.max_filters || n === 0);
    const h = new URLSearchParams();
    for (const [k, v] of Object.entries(s)) {
      if (k === "kernel") {
        if (v) h.set(k, JSON.stringify(v));
      } else h.set(k, Array.isArray(v) ? v.join(",") : String(v));
    }
    history.replaceState(null, "", `#${h}`);
    onChange(s);
  }

  form.addEventListener("change", (e) => {
    if (!e.target.closest(".lab-kernel-editor")) changed();
  });
  // Typed numbers apply as they are typed (main.js waits for a pause), not only on blur.
  for (const id of ["#stride", "#dilation"]) $(id).addEventListener("input", changed);
  drawThumbs();

  return {
    read,
    relabel() {
      editor.relabel();
      padding.options[0].text = t("lab.padding.same");
      padding.options[1].text = t("lab.padding.valid");
      const s = read();
      $("#filter-count").textContent = t("lab.filters.count", { n: s.filters.length, max: limits.max_filters });
    },
    setPresets(next) {
      // A new size changes box/gaussian/identity/motion blur: redraw their thumbnails.
      for (const pair of thumbs) pair[1] = next.find((p) => p.name === pair[1].name) || pair[1];
      drawThumbs();
    },
  };
}
