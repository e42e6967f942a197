/**
 * lessons/shell.js: what every lesson shares: the predict-then-reveal question, the presenter
 * mode, the link that opens the lesson's configuration elsewhere, and the error box.
 *
 * Presenter mode (remembered in localStorage) sets <html class="presenter">: bigger type and,
 * until the teacher presses Reveal, every `.spoiler` of the figure is hidden too, not only the
 * answer. A new question (any change of settings) hides the answer again.
 *
 *   createShell(doc, {t, has}) -> shell
 *     shell.ask({key, vars, value, shown}, {fresh})  question t(key, vars); the answer `shown`
 *                                   (text), `value` (the API's number) in data-value; fresh
 *                                   (new settings) hides the answer and clears the guess
 *     shell.link(href, key)                 the "open" link and its label t(key); null hides it
 *     shell.error(err) / shell.clear()      shared/error-view.js in the lesson's box
 */
import { showError } from "../shared/error-view.js";

const PRESENTER = "convscope.presenter";

function remembered() {
  try {
    return localStorage.getItem(PRESENTER) === "1";
  } catch {
    return false;
  }
}

export function createShell(doc, { t, has }) {
  const $ = (id) => doc.getElementById(id);
  const lesson = $("lesson");
  const toggle = $("presenter-toggle");
  let question = null;
  let linkKey = "lessons.open";

  function presenter(on) {
    doc.documentElement.classList.toggle("presenter", on);
    toggle.setAttribute("aria-pressed", String(on));
    try {
      localStorage.setItem(PRESENTER, on ? "1" : "0");
    } catch {
      /* not remembered, still applied */
    }
    doc.defaultView.dispatchEvent(new CustomEvent("convscope:large", { detail: on }));
  }
  function hide() {
    lesson.classList.remove("revealed");
    $("answer").hidden = true;
    $("reveal").setAttribute("aria-expanded", "false");
  }
  function reveal() {
    lesson.classList.add("revealed");
    $("answer").hidden = false;
    $("reveal").setAttribute("aria-expanded", "true");
    const guess = $("guess").value.trim();
    $("answer-guess").textContent = guess ? t("lessons.yours", { guess }) : "";
  }
  function relabel() {
    if (question) $("question-text").textContent = t(question.key, question.vars);
    $("open-link").textContent = t(linkKey);
  }

  presenter(remembered());
  toggle.addEventListener("click", () => presenter(!doc.documentElement.classList.contains("presenter")));
  $("reveal").addEventListener("click", () => (lesson.classList.contains("revealed") ? hide() : reveal()));
  $("guess").addEventListener("keydown", (e) => e.key === "Enter" && reveal());

  return {
    ask(q, { fresh = true } = {}) {
      question = q;
      $("answer-value").textContent = q.shown;
      $("answer-value").dataset.value = String(q.value);
      relabel();
      if (fresh) {
        hide();
        $("guess").value = "";
      }
    },
    link(href, key = "lessons.open") {
      linkKey = key;
      $("open-link").parentElement.hidden = !href; // a Gaussian has no exact discrete twin
      if (href) $("open-link").href = href;
      relabel();
    },
    error(err) {
      showError($("message"), err, { t, has });
      lesson.classList.add("stale");
    },
    clear() {
      $("message").hidden = true;
      lesson.classList.remove("stale");
    },
    relabel,
  };
}
