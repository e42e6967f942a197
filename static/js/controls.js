/**
 * controls.js: the only module that reads inputs. Form fields -> store.setParams; tabs ->
 * store.set({view}); transport, keys, scrubbing, clicks and hovers on the canvases -> player
 * or explorer (which end in player.setStep). Bounds come from the server's limits, never
 * re-derived: an impossible value is still sent, and the server's sentence explains it.
 *
 * createControls(doc, {store, player, explorer, scene, t}) -> {
 *   show(params)           write merged params (plan's normalised ⊕ the user's) into the form
 *   kernels(weight)        rebuild the kernel editor for weight (A, B, kH, kW)
 *   view(view)             tabs and view-only fields
 *   step(k, total)         scrub position and counter
 *   playing(on)            play button
 *   relabel()              texts built here (speed options, editor labels)
 * }
 */
import { SPEEDS } from "./state.js";

const DEBOUNCE = 350; // ms after the last keystroke in a number field

export function createControls(doc, { store, player, explorer, scene, t }) {
  const $ = (id) => doc.getElementById(id);
  const form = $("controls");
  const fields = [...form.querySelectorAll("[data-param]")];
  let weight = null; // the plan's weight, for the editor
  let timer = 0;

  for (const el of form.querySelectorAll("[data-limit]")) {
    const max = store.limits[el.dataset.limit];
    if (max) el.max = String(max);
  }

  const pairOf = (name) => fields.filter((el) => el.dataset.param === name && /^[01]$/.test(el.dataset.part));

  function read(el) {
    const name = el.dataset.param;
    if (el.type === "checkbox") return { [name]: el.checked ? "true" : "false" };
    if (el.type === "radio") return el.checked ? { [name]: el.value } : {};
    if (name === "padding" && $("padding-kind").value !== "number") return { padding: $("padding-kind").value };
    if (el.dataset.part !== undefined) {
      const [a, b] = pairOf(name).map((e) => e.value.trim());
      if (a === "" || b === "") return {};
      return { [name]: a === b ? a : `${a},${b}` };
    }
    if (name === "kernel") return el.value === "values" ? { kernel: "values", weight_values: weightJson(weight) } : { kernel: el.value, weight_values: null };
    if (name === "input" && el.value !== "values") return { input: el.value, input_values: null };
    return { [name]: el.value.trim() };
  }

  function reconcile(patch) {
    // A hand-made kernel of the old size cannot fit a new kernel size: fall back to random.
    const p = store.get().params;
    if ("kernel_size" in patch && (p.kernel === "values" || patch.kernel === "values")) {
      return { ...patch, kernel: "random", weight_values: null };
    }
    const shapeKeys = ["in_channels", "out_channels", "groups"];
    if (shapeKeys.some((k) => k in patch) && p.kernel === "values" && weight) {
      return { ...patch, weight_values: JSON.stringify(weight[0][0]) }; // (kH, kW): copied to all
    }
    return patch;
  }

  form.addEventListener("input", (e) => {
    const el = e.target;
    if (el.closest("#kernel-editor")) return;
    if (!el.dataset.param) return;
    const typed = el.tagName === "INPUT" && !["checkbox", "radio"].includes(el.type);
    clearTimeout(timer);
    const send = () => store.setParams(reconcile(read(el)));
    if (typed) timer = setTimeout(send, DEBOUNCE);
    else send();
  });
  form.addEventListener("change", (e) => {
    if (e.target.id === "padding-kind") syncPaddingInputs();
  });

  function syncPaddingInputs() {
    const number = $("padding-kind").value === "number";
    for (const el of pairOf("padding")) {
      el.disabled = !number;
      if (number && el.value === "") el.value = "1";
    }
  }

  function show(params) {
    for (const el of fields) {
      if (el === doc.activeElement && el.type !== "radio" && el.type !== "checkbox") continue;
      const name = el.dataset.param;
      const v = params[name] === null || params[name] === undefined ? "" : String(params[name]);
      if (el.type === "checkbox") el.checked = v === "true";
      else if (el.type === "radio") el.checked = el.value === v;
      else if (el.dataset.part === "kind") el.value = v === "same" || v === "valid" ? v : "number";
      else if (el.dataset.part !== undefined) {
        if (name === "padding" && (v === "same" || v === "valid")) continue;
        const parts = v.split(",");
        el.value = parts[Number(el.dataset.part)] ?? parts[0];
      } else el.value = v;
    }
    $("input").querySelector('[value="values"]').hidden = params.input !== "values";
    syncPaddingInputs();
    form.classList.toggle("has-glyph", ["digit", "letter"].includes(params.input));
    form.classList.toggle("has-bias", String(params.bias) === "true");
  }

  // ---- kernel editor: one (kH, kW) slice of the weight at a time ----
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

  // ---- tabs, transport, keys ----
  const tabs = [...doc.querySelectorAll("[role=tab]")];
  for (const tab of tabs) {
    tab.addEventListener("click", () => store.set({ view: tab.dataset.view }));
    tab.addEventListener("keydown", (e) => {
      // a tablist moves with the arrow keys (WAI-ARIA), not the player
      const d = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
      if (!d) return;
      e.preventDefault();
      e.stopPropagation();
      const next = tabs[(tabs.indexOf(tab) + d + tabs.length) % tabs.length];
      next.focus();
      store.set({ view: next.dataset.view });
    });
  }
  $("btn-play").addEventListener("click", () => player.toggle());
  $("btn-back").addEventListener("click", () => player.step(-1));
  $("btn-fwd").addEventListener("click", () => player.step(1));
  $("btn-first").addEventListener("click", () => player.first());
  $("btn-last").addEventListener("click", () => player.last());
  $("scrub").addEventListener("input", (e) => player.jump(Number(e.target.value)));
  $("speed").addEventListener("change", (e) => {
    store.set({ speed: Number(e.target.value) });
    player.setSpeed(SPEEDS[Number(e.target.value)]);
  });

  doc.addEventListener("keydown", (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const tag = e.target.tagName;
    const typing = tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || e.target.isContentEditable;
    if (typing) return;
    const keys = {
      " ": () => tag !== "BUTTON" && player.toggle(),
      ArrowLeft: () => player.step(e.shiftKey ? -10 : -1),
      ArrowRight: () => player.step(e.shiftKey ? 10 : 1),
      Home: () => player.first(),
      End: () => player.last(),
    };
    if (keys[e.key] && !(e.key === " " && tag === "BUTTON")) {
      e.preventDefault();
      keys[e.key]();
    }
  });

  // ---- pointer on the canvases ----
  let lastOut = "";
  const over = (id) => $(id);
  over("output-over").addEventListener("pointermove", (e) => {
    const hit = scene.hit("output", e.offsetX, e.offsetY);
    const key = hit ? `${hit.panel}:${hit.i}:${hit.j}` : "";
    if (key === lastOut) return;
    lastOut = key;
    explorer.hoverOutput(hit);
  });
  over("output-over").addEventListener("pointerleave", () => {
    lastOut = "";
    explorer.hoverOutput(null);
  });
  over("output-over").addEventListener("click", (e) => {
    const hit = scene.hit("output", e.offsetX, e.offsetY);
    if (hit) explorer.clickOutput(hit);
  });
  let lastIn = "";
  over("input-over").addEventListener("pointermove", (e) => {
    const hit = scene.hit("input", e.offsetX, e.offsetY);
    const key = hit ? `${hit.panel}:${hit.i}:${hit.j}` : "";
    if (key === lastIn) return;
    lastIn = key;
    explorer.hoverInput(hit);
  });
  over("input-over").addEventListener("click", (e) => {
    const hit = scene.hit("input", e.offsetX, e.offsetY);
    if (hit) explorer.clickInput(hit);
  });
  over("input-over").addEventListener("pointerleave", () => {
    lastIn = "";
    explorer.hoverInput(null);
  });

  $("share").addEventListener("click", async (e) => {
    e.preventDefault();
    try {
      await navigator.clipboard.writeText(location.href);
      $("share-done").textContent = t("share.done");
    } catch {
      $("share-done").textContent = t("share.manual");
    }
  });

  function relabel() {
    const sel = $("speed");
    const keep = sel.value || String(store.get().speed);
    sel.innerHTML = SPEEDS.map((n, i) => `<option value="${i}">${t("tr.speed.unit", { n })}</option>`).join("");
    sel.value = keep;
    if (weight) editor();
  }
  relabel();
  player.setSpeed(SPEEDS[store.get().speed]);

  return {
    show,
    kernels(w) {
      weight = w;
      options($("edit-f"), w.length);
      options($("edit-c"), w[0].length);
      form.classList.toggle("many-kernels", w.length * w[0].length > 1);
      editor();
    },
    view(view) {
      for (const tab of doc.querySelectorAll("[role=tab]")) {
        const on = tab.dataset.view === view;
        tab.setAttribute("aria-selected", String(on));
        tab.tabIndex = on ? 0 : -1;
      }
      $("stage").setAttribute("aria-labelledby", `tab-${view}`);
      form.dataset.view = view;
    },
    step(k, total) {
      const scrub = $("scrub");
      scrub.max = String(Math.max(0, total - 1));
      scrub.value = String(k);
      $("counter").textContent = t("tr.counter", { k: k + 1, total });
      $("counter").dataset.k = String(k);
    },
    playing(on) {
      $("btn-play").setAttribute("aria-pressed", String(on));
      $("play-label").dataset.i18n = on ? "tr.pause" : "tr.play";
      $("play-label").textContent = t(on ? "tr.pause" : "tr.play");
    },
    relabel,
  };
}
