/**
 * variants/main.js: wiring only. state (URL hash, the explorer's layer) -> each section loads
 * its own numbers from the server and draws them; language and large type re-render.
 */
import { has, onLangChange, t, translate } from "../shared/i18n.js";
import { readInitial } from "../shared/hash-store.js";
import { createBackward } from "./backward.js";
import { createExport } from "./export.js";
import { createGrouped } from "./grouped.js";
import { createIm2col } from "./im2col.js";
import { createState, explorerHash } from "./state.js";
import { createTransposed } from "./transposed.js";
import { createUpdate } from "./update.js";

const $ = (id) => document.getElementById(id);
const initial = readInitial();
const store = createState();
const ctx = { t, has, store, limits: initial.limits || {}, kernels: (initial.kernels || []).map((k) => k.name) };
const sections = [
  createBackward($("sec-backward"), ctx),
  createUpdate($("sec-update"), ctx),
  createTransposed($("sec-transposed"), ctx),
  createGrouped($("sec-grouped"), ctx),
  createIm2col($("sec-im2col"), ctx),
  createExport($("sec-export"), ctx),
];

function show(state) {
  const text = Object.entries(state.params).map(([k, v]) => `${k}=${v.length > 24 ? `${v.slice(0, 21)}…` : v}`).join("  ");
  $("config").textContent = text || t("variants.defaults");
  const view = state.section === "transposed" ? "transpose" : state.section === "backward" ? "backward" : "forward";
  $("back-link").href = `/${explorerHash(state, view)}`;
  for (const s of sections) s.update(state);
}

for (const a of document.querySelectorAll(".vr-toc a")) {
  a.addEventListener("click", (e) => {
    e.preventDefault(); // the hash holds the layer: jump without replacing it
    $(`sec-${a.dataset.section}`).scrollIntoView({ behavior: "smooth", block: "start" });
  });
}

store.subscribe(show);
onLangChange(() => {
  document.title = `${t("variants.title")} · ConvScope`;
  show(store.get());
  for (const s of sections) s.rerender();
});
window.addEventListener("convscope:large", () => sections.forEach((s) => s.rerender()));

translate();
document.title = `${t("variants.title")} · ConvScope`;
show(store.get());
const first = store.get().section;
if (first && $(`sec-${first}`)) $(`sec-${first}`).scrollIntoView({ block: "start" });
document.body.dataset.variantsReady = "true";
