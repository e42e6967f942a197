/**
 * lab/maps.js: one card per feature map: the server's PNG (already coloured with the shared
 * palette), its legend and value range, the output size, a download link, and clicks.
 *
 *   renderMaps(container, result, {t, onPick, oneSigned}) -> void
 *     result   the /api/images/filter answer
 *     oneSigned(map) -> bool  true for maps with one sign (identity, box, Gaussian, magnitude):
 *                             drawn on the grey scale, others on the diverging one; the legend
 *                             and its caption say which (issue 8, defect 4)
 *     onPick(map, row, col)   a click on output pixel (row, col) of `map`; from the keyboard,
 *                             Enter picks the centre and the arrow keys move the pick
 *   markPixel(container, index, row, col) -> void   outline the inspected pixel on its map
 *   mapName(map, t) -> string   "Sobel x · R"
 */
import { fitCanvas } from "../shared/canvas.js";
import { drawLegend, toSequential } from "../render/colors.js";
import { fmt } from "../shared/format.js";

export function mapName(map, t) {
  const name = t(`kernel.${map.filter}`);
  return map.channel ? `${name} · ${map.channel}` : name;
}

/** The server's diverging PNG recoloured to the grey ramp, as a PNG data URL. */
async function greyPng(src) {
  const im = new Image();
  im.src = src;
  await im.decode();
  const c = document.createElement("canvas");
  c.width = im.naturalWidth;
  c.height = im.naturalHeight;
  const ctx = c.getContext("2d");
  ctx.drawImage(im, 0, 0);
  const data = ctx.getImageData(0, 0, c.width, c.height);
  toSequential(data.data);
  ctx.putImageData(data, 0, 0);
  return c.toDataURL("image/png");
}

function legend(canvas, map, t, sequential) {
  const width = 260;
  const height = 14;
  const top = 10; // room for the min/max marks above the bar
  const ctx = fitCanvas(canvas, width + 24, top + height + 22);
  const x0 = 12;
  // With the robust scale a few values lie beyond the bar: its ends then read "≤ −s", "≥ s".
  const end = (v) => (map.clipped && v !== 0 ? (v < 0 ? "≤ " : "≥ ") : "");
  const format = (v) => end(v) + fmt(v, 3);
  drawLegend(ctx, { x: x0, y: top, width, height, maxAbs: map.scale, format, font: "12px system-ui, sans-serif", sequential });
  ctx.fillStyle = "#111";
  for (const v of [map.min, map.max]) {
    const u = Math.max(-1, Math.min(1, v / map.scale));
    const x = x0 + (sequential ? Math.max(0, u) : (u + 1) / 2) * width;
    ctx.beginPath();
    ctx.moveTo(x - 5, 1);
    ctx.lineTo(x + 5, 1);
    ctx.lineTo(x, top - 1);
    ctx.closePath();
    ctx.fill();
  }
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", t("lab.legend.label", { lo: fmt(sequential ? 0 : -map.scale, 3), hi: fmt(map.scale, 3) }));
}

function slug(map) {
  return [map.filter, map.channel].filter(Boolean).join("-").toLowerCase();
}

function pixelAt(img, map, event) {
  const r = img.getBoundingClientRect();
  const col = Math.floor(((event.clientX - r.left) / r.width) * map.width);
  const row = Math.floor(((event.clientY - r.top) / r.height) * map.height);
  return [Math.min(Math.max(row, 0), map.height - 1), Math.min(Math.max(col, 0), map.width - 1)];
}

export function renderMaps(container, result, { t, onPick, oneSigned = () => false }) {
  container.innerHTML = "";
  for (const map of result.maps) {
    const card = document.createElement("figure");
    card.className = "map-card";
    card.dataset.index = String(map.index);
    card.dataset.filter = map.filter;
    card.innerHTML = `
      <figcaption class="map-title"></figcaption>
      <div class="map-frame">
        <img class="map-img" tabindex="0" width="${map.width}" height="${map.height}">
        <canvas class="map-mark" aria-hidden="true"></canvas>
      </div>
      <canvas class="legend"></canvas>
      <p class="map-scale"></p>
      <p class="map-meta"><span class="map-size"></span> · <span class="map-range"></span></p>
      <a class="map-download"></a>`;
    const name = mapName(map, t);
    card.querySelector(".map-title").textContent = name;
    const img = card.querySelector(".map-img");
    img.src = map.png;
    img.alt = t("lab.map.open", { name });
    img.classList.toggle("pixelated", map.width < 400);
    card.querySelector(".map-size").textContent = t("lab.map.size", { h: map.height, w: map.width });
    const range = card.querySelector(".map-range");
    range.textContent = t("lab.map.range", { min: fmt(map.min, 4), max: fmt(map.max, 4) });
    if (map.clipped) range.title = t("lab.legend.clipped", { s: fmt(map.scale, 3) });
    range.dataset.min = String(map.min);
    range.dataset.max = String(map.max);
    const link = card.querySelector(".map-download");
    link.href = map.png;
    const sequential = oneSigned(map);
    card.dataset.scale = sequential ? "sequential" : "diverging";
    card.querySelector(".map-scale").textContent = t(`lab.legend.${card.dataset.scale}`);
    if (sequential) {
      greyPng(map.png).then((url) => {
        img.src = url;
        link.href = url; // the download is what the page shows
        card.dataset.ready = "1";
      });
    } else card.dataset.ready = "1";
    link.download = `convscope-${slug(map)}.png`;
    link.textContent = t("lab.map.download");
    let at = [Math.floor(map.height / 2), Math.floor(map.width / 2)];
    const choose = (row, col) => {
      at = [Math.min(Math.max(row, 0), map.height - 1), Math.min(Math.max(col, 0), map.width - 1)];
      onPick(map, ...at);
    };
    img.addEventListener("click", (e) => choose(...pixelAt(img, map, e)));
    img.addEventListener("keydown", (e) => {
      const move = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[e.key];
      if (e.key === "Enter" || e.key === " ") choose(...at);
      else if (move) choose(at[0] + move[0], at[1] + move[1]);
      else return;
      e.preventDefault();
    });
    legend(card.querySelector(".legend"), map, t, sequential);
    container.appendChild(card);
  }
}

export function markPixel(container, index, row, col) {
  for (const card of container.querySelectorAll(".map-card")) {
    const canvas = card.querySelector(".map-mark");
    const img = card.querySelector(".map-img");
    const w = img.clientWidth;
    const h = img.clientHeight;
    const ctx = fitCanvas(canvas, w, h);
    // The same output position on every map of the same size, the clicked one in bold.
    const W = Number(img.getAttribute("width"));
    const H = Number(img.getAttribute("height"));
    if (row >= H || col >= W) continue;
    const sx = w / W;
    const sy = h / H;
    const x = col * sx;
    const y = row * sy;
    const r = Math.max(5, sx / 2);
    const strong = card.dataset.index === String(index);
    ctx.lineWidth = strong ? 2.5 : 1.5;
    for (const [color, grow] of [["#fff", 2], ["#111", 0]]) {
      ctx.strokeStyle = color;
      ctx.strokeRect(x + sx / 2 - r - grow / 2, y + sy / 2 - r - grow / 2, 2 * r + grow, 2 * r + grow);
    }
  }
}
