/**
 * lessons/main.js: wiring only. The lesson module named by the page (#initial-state slug) gives
 * its settings, its API query and its figure; state (URL hash) -> api -> figure + question;
 * shell.js owns the question, the presenter mode and the "open" link.
 */
import { readInitial } from "../shared/hash-store.js";
import { fmt, fmtCount } from "../shared/format.js";
import { getJson } from "../shared/http.js";
import { getLang, has, onLangChange, t, translate } from "../shared/i18n.js";
import { buildControls } from "./controls.js";
import { LESSONS } from "./registry.js";
import { createShell } from "./shell.js";
import { createLessonStore } from "./state.js";

const $ = (id) => document.getElementById(id);
const { slug, network = false } = readInitial();
const lesson = LESSONS[slug];
const store = createLessonStore(lesson.controls, lesson.defaults);
const shell = createShell(document, { t, has });
const controls = buildControls($("lesson-controls"), lesson.controls, { t, has, onEdit: (patch) => store.set(patch) });

for (const key of lesson.notes) {
  const p = document.createElement("p");
  p.dataset.i18n = key;
  $("notes").append(p);
}

let loads = 0; // a newer load makes an older answer stale
let shown = null; // {data, state}: the last answer drawn
let asked = ""; // the settings of the question on screen: new settings, a new question

function context() {
  const presenter = document.documentElement.classList.contains("presenter"); // bigger cells
  return { t, fmt, fmtCount: (n) => fmtCount(n, getLang()), width: $("figure").clientWidth, has, presenter, network };
}

function draw() {
  if (!shown) return;
  const { data, state } = shown;
  const ctx = context();
  lesson.render($("figure"), data, state, ctx);
  const key = JSON.stringify(state);
  shell.ask(lesson.question(data, state, ctx), { fresh: key !== asked });
  asked = key;
  shell.link(...lesson.link(state, data));
}

async function load(state) {
  const mine = ++loads;
  const url = lesson.api(state);
  try {
    const data = await getJson(url);
    if (mine !== loads) return;
    shown = { data, state };
    $("lesson").dataset.api = url;
    shell.clear();
    draw();
  } catch (err) {
    if (mine === loads) shell.error(err);
  } finally {
    if (mine === loads) document.body.dataset.lessonReady = "true";
  }
}

store.subscribe((state) => {
  controls.show(state);
  document.body.dataset.lessonReady = "false";
  load(state);
});
onLangChange(() => {
  document.title = `${t(`lessons.${slug}.title`)} · ConvScope`;
  controls.relabel();
  draw();
});
window.addEventListener("convscope:large", draw);
let width = 0;
new ResizeObserver(([entry]) => {
  if (Math.round(entry.contentRect.width) === width) return;
  width = Math.round(entry.contentRect.width);
  draw();
}).observe($("figure"));

translate(); // chrome.js translated the page before the notes existed
document.title = `${t(`lessons.${slug}.title`)} · ConvScope`;
controls.show(store.get());
load(store.get());
