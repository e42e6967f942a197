/**
 * learn/main.js: wiring only. state (URL hash) -> api (plan, then the step stream) -> player
 * (a clock over the received steps) -> views. Controls edit the state; every change restarts.
 */
import { showError } from "../shared/error-view.js";
import { fmt } from "../shared/format.js";
import { has, onLangChange, t, translate } from "../shared/i18n.js";
import { fetchPlan, streamSteps } from "./api.js";
import { createControls } from "./controls.js";
import { createPlayer } from "./player.js";
import { createStore, readInitial } from "./state.js";
import { createViews } from "./views.js";

const $ = (id) => document.getElementById(id);
const initial = readInitial();
const store = createStore(initial);
const views = createViews(document, { t, fmt });
const controls = createControls($("ln-form"), { choices: initial.choices, t, fmt, onEdit: (patch) => store.set(patch) });

let run = { plan: null, steps: [], done: null, abort: null };
const player = createPlayer({
  onStep: (k) => {
    views.step(run.plan, run.steps, k, run.done);
    $("scrub").value = String(k);
  },
  onPlaying: (on) => ($("play").textContent = t(on ? "tr.pause" : "tr.play")),
});

function diverged() {
  const box = $("diverge");
  const d = run.done;
  box.hidden = !(d && d.diverged);
  if (!box.hidden) box.textContent = t("learn.diverged", { i: d.iteration + 1, lr: fmt(d.lr), max: fmt(d.lr_max) });
}

async function load(state) {
  run.abort?.abort();
  player.pause();
  const abort = new AbortController();
  run = { plan: null, steps: [], done: null, abort };
  $("message").hidden = true;
  $("diverge").hidden = true;
  delete document.body.dataset.learnDone;
  views.clear();
  try {
    const plan = await fetchPlan(state, abort.signal);
    run.plan = plan;
    views.plan(plan);
    controls.lr(plan);
    $("scrub").max = String(plan.iterations);
    player.setTotal(0, plan.iterations + 1);
    player.play();
    run.done = await streamSteps(state, (st) => {
      run.steps.push(st);
      player.setTotal(run.steps.length);
      $("scrub").max = String(run.steps.length - 1);
      if (run.steps.length === 1) player.setStep(0);
    }, abort.signal);
    player.setTotal(run.steps.length, run.steps.length);
    diverged();
    player.setStep(player.step); // redraw: the last step now knows it is the last
    document.body.dataset.learnDone = "true";
  } catch (err) {
    if (err.name === "AbortError") return;
    showError($("message"), err, { t, has });
    $("message").hidden = false;
  }
}

$("play").addEventListener("click", () => player.toggle());
$("restart").addEventListener("click", () => player.restart());
$("scrub").addEventListener("input", () => {
  player.pause();
  player.setStep(Number($("scrub").value));
});
store.subscribe((state) => {
  controls.show(state);
  load(state);
});
onLangChange(() => {
  document.title = `${t("learn.title")} · ConvScope`;
  controls.relabel();
  if (run.plan) {
    views.plan(run.plan);
    controls.lr(run.plan);
    player.setStep(player.step);
    diverged();
  }
});
window.addEventListener("convscope:large", () => run.plan && player.setStep(player.step));

translate();
document.title = `${t("learn.title")} · ConvScope`;
controls.show(store.get());
load(store.get());
