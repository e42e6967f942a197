/**
 * explorer/pool/pool.js: the explorer's pooling tab, wired: its controls -> api (plan, then
 * the window steps) -> a play/scrub clock -> view. Every frame is setStep(k).
 *
 *   createPool(doc, {t, fmt, has}) -> {show(), hide(), relabel()}
 * The tab's settings live in this module (not in the conv explorer's URL state).
 */
import { showError } from "../../shared/error-view.js";
import { fetchPoolPlan, streamPoolSteps } from "./api.js";
import { createPoolView } from "./view.js";

const FIELDS = ["op", "input", "height", "width", "kernel_size", "stride", "padding", "dilation", "ceil_mode", "count_include_pad"];

export function createPool(doc, { t, fmt, has }) {
  const $ = (id) => doc.getElementById(id);
  const view = createPoolView(doc, { t, fmt });
  let run = { plan: null, steps: [], abort: null };
  let k = 0;
  let timer = 0;

  const read = () =>
    Object.fromEntries(
      FIELDS.map((f) => {
        const el = $(`pool-${f}`);
        return [f, el.type === "checkbox" ? String(el.checked) : el.value];
      }),
    );

  function setStep(next) {
    k = Math.max(0, Math.min(next, run.steps.length - 1));
    $("pool-scrub").value = String(k);
    if (run.plan) view.draw(run.plan, run.steps, k);
  }
  function pause() {
    clearInterval(timer);
    timer = 0;
    $("pool-play").textContent = t("tr.play");
  }
  function play() {
    if (timer || !run.steps.length) return;
    if (k >= run.steps.length - 1) setStep(0);
    $("pool-play").textContent = t("tr.pause");
    timer = setInterval(() => (k >= run.steps.length - 1 ? pause() : setStep(k + 1)), 600);
  }

  async function load() {
    run.abort?.abort();
    pause();
    const abort = new AbortController();
    run = { plan: null, steps: [], abort };
    $("pool-message").hidden = true;
    delete doc.body.dataset.poolReady;
    $("pool-dilation").disabled = $("pool-op").value !== "max";
    $("pool-count_include_pad").disabled = $("pool-op").value !== "avg";
    const params = read();
    try {
      const plan = await fetchPoolPlan(params, abort.signal);
      const steps = [];
      await streamPoolSteps(params, (st) => steps.push(st), abort.signal);
      run = { plan, steps, abort };
      $("pool-scrub").max = String(steps.length - 1);
      setStep(0);
      doc.body.dataset.poolReady = "true";
    } catch (err) {
      if (err.name === "AbortError") return;
      showError($("pool-message"), err, { t, has });
      $("pool-message").hidden = false;
    }
  }

  $("pool-form").addEventListener("change", load);
  $("pool-form").addEventListener("submit", (e) => e.preventDefault());
  $("pool-play").addEventListener("click", () => (timer ? pause() : play()));
  $("pool-back").addEventListener("click", () => (pause(), setStep(k - 1)));
  $("pool-fwd").addEventListener("click", () => (pause(), setStep(k + 1)));
  $("pool-scrub").addEventListener("input", () => (pause(), setStep(Number($("pool-scrub").value))));

  return {
    show() {
      $("pool").hidden = false;
      if (!run.plan) load();
    },
    hide() {
      pause();
      $("pool").hidden = true;
    },
    relabel() {
      if (run.plan) setStep(k);
      $("pool-play").textContent = t(timer ? "tr.pause" : "tr.play");
    },
  };
}
