/**
 * explorer/main.js: wiring only. state -> explorer (api, step cache, renderer) -> player -> controls.
 * Every path that changes what is drawn ends in player.setStep(k) -> explorer.show(k).
 */
import { getLang, has, onLangChange, t, translate } from "../shared/i18n.js";
import { fetchKernelPresets } from "./api.js";
import { createControls } from "./controls.js";
import { createExplorer } from "./session.js";
import { createPlayer } from "./player.js";
import { createReadout } from "./readout.js";
import { createScene } from "./scene.js";
import { readInitial } from "../shared/hash-store.js";
import { createState } from "./state.js";
import { createPool } from "./pool/pool.js";
import { fmt } from "../shared/format.js";

translate();

const store = createState();
const isLarge = () => document.documentElement.classList.contains("large");
const canvases = (name) => ({
  base: document.getElementById(`${name}-base`),
  over: document.getElementById(`${name}-over`),
});
// Large type on a landscape screen: the grids get the height left below the transport.
const fitHeight = () =>
  isLarge() && innerWidth > innerHeight ? innerHeight - document.querySelector(".view-input").getBoundingClientRect().top - scrollY - 48 : Infinity;
const scene = createScene(
  { input: canvases("input"), kernel: canvases("kernel"), output: canvases("output") },
  { large: isLarge(), fitHeight },
);
const readout = createReadout(document, { t, has, getLang });

let controls = null;
let explorer = null;
const player = createPlayer({
  onStep: (k) => {
    explorer.show(k);
    store.set({ k }, { silent: true });
  },
  onPlayState: (on) => {
    controls.playing(on);
    if (!on) explorer.show(player.k); // the full sum and description of where it stopped
  },
  ready: (k) => explorer.ready(k),
});

explorer = createExplorer({
  scene,
  readout,
  player,
  t,
  isLarge,
  onPlan: (plan, view) => {
    controls.show({ ...plan.params, ...store.get().params });
    controls.kernels(plan.weight);
    controls.view(view);
  },
  onShown: (k, total) => controls.step(k, total),
});
controls = createControls(document, { store, player, explorer, scene, t });

const pool = createPool(document, { t, fmt, has });
function load() {
  const s = store.get();
  controls.view(s.view);
  if (s.view === "pool") return pool.show(); // the pooling tab has its own plan and steps
  pool.hide();
  explorer.load({ view: s.view, params: s.params, k: s.k });
}

store.subscribe((s, changed) => {
  if (changed.has("params") || changed.has("view")) {
    player.pause();
    controls.show({ ...(explorer.current?.plan.params || {}), ...s.params });
    load();
  } else if (changed.has("k")) player.jump(s.k);
});

onLangChange(() => {
  controls.relabel();
  explorer.relabel();
  pool.relabel();
});
let raf = 0;
const relayout = () => {
  cancelAnimationFrame(raf);
  raf = requestAnimationFrame(() => {
    explorer.relayout();
    pool.relabel(); // redraws the pooling tab at the new size
  });
};
window.addEventListener("convscope:large", relayout);
new ResizeObserver(relayout).observe(document.getElementById("views"));

window.convscope = { store, player, explorer }; // for the console, tests and the benchmark
// The preset list is server data: #initial-state carries it, /api/kernels when it does not.
controls.presets(readInitial().kernels ?? (await fetchKernelPresets().catch(() => [])));
load();
