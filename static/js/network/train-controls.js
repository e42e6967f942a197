/**
 * network/train-controls.js: the "Train live" form: the only module that reads its inputs,
 * bounded by the server's (#initial-state train.bounds), and the stream's start, stop and status.
 *
 *   createTrainControls(doc, {initial: {defaults, bounds}, api, view, t, fmt, onError})
 */
export function createTrainControls(doc, { initial, api, view, t, fmt, onError }) {
  const $ = (id) => doc.getElementById(id);
  const names = ["epochs", "lr", "batch", "seed"];
  const status = $("train-status");
  let run = null; // the AbortController of the stream in flight

  for (const name of names) {
    const input = $(name);
    const [lo, hi] = initial.bounds[name];
    Object.assign(input, { min: String(lo), max: String(hi), value: String(initial.defaults[name]) });
  }

  function read() {
    const out = {};
    for (const name of names) {
      const [lo, hi] = initial.bounds[name];
      const v = Number($(name).value);
      out[name] = Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : initial.defaults[name];
      $(name).value = String(out[name]);
    }
    return out;
  }

  function busy(on) {
    $("train").disabled = on;
    $("train-stop").hidden = !on;
    doc.body.dataset.training = on ? "true" : "false";
  }

  async function start() {
    const params = read();
    run = new AbortController();
    busy(true);
    view.reset(params.epochs);
    status.textContent = t("network.train.starting");
    try {
      await api.train(
        params,
        (name, data) => {
          if (name === "epoch") {
            view.add(data);
            const loss = data.loss === null ? "–" : fmt(data.loss, 3);
            status.textContent = t("network.train.epoch", { epoch: data.epoch, epochs: data.epochs, loss, train: fmt(data.train * 100, 3), test: fmt(data.test * 100, 3), seconds: fmt(data.seconds, 2) });
          } else if (name === "done") {
            const key = data.reached === null ? "network.train.done.short" : "network.train.done";
            status.textContent = t(key, { test: fmt(data.test * 100, 3), seconds: fmt(data.seconds, 2), reached: data.reached });
            status.dataset.test = String(data.test);
          }
        },
        run.signal,
      );
    } catch (err) {
      if (err.name === "AbortError") status.textContent = t("network.train.stopped");
      else onError(err);
    } finally {
      run = null;
      busy(false);
    }
  }

  $("train-form").addEventListener("submit", (e) => {
    e.preventDefault();
    if (!run) start();
  });
  $("train-stop").addEventListener("click", () => run && run.abort());
}
