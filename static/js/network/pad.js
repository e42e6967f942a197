/**
 * network/pad.js: the 32 x 32 drawing grid (mouse, touch and pen, through pointer events) and
 * the 8 x 8 counts it becomes.
 *
 * The digits data were made from 32 x 32 bitmaps by counting the set pixels of each 4 x 4
 * block (0-16); blockCounts does exactly that, so a drawn digit reaches the network as the
 * data did. The stroke sets every cell within RADIUS cells of the pen: about three cells wide,
 * like the strokes of the scanned forms.
 *
 *   blockCounts(bitmap) -> number[8][8]      bitmap: Uint8Array(32 * 32) of 0/1, row-major
 *   createPad(canvas, {onStroke(counts), onDone(counts)}) -> pad
 *     pad.clear()             empty grid
 *     pad.ghost(image)        show an 8x8 image as grey 4x4 blocks (a picked test image)
 *     pad.relayout(width)     size the square canvas to at most `width` CSS px
 *     pad.counts() -> number[8][8]
 */
import { fitCanvas } from "../shared/canvas.js";

const N = 32;
const BLOCK = 4;
const RADIUS = 1.3; // in cells
const INK = "#16181d";

export function blockCounts(bitmap) {
  const side = N / BLOCK;
  const out = Array.from({ length: side }, () => new Array(side).fill(0));
  for (let r = 0; r < N; r++) {
    for (let c = 0; c < N; c++) out[Math.floor(r / BLOCK)][Math.floor(c / BLOCK)] += bitmap[r * N + c];
  }
  return out;
}

export function createPad(canvas, { onStroke, onDone }) {
  const bitmap = new Uint8Array(N * N);
  let ghost = null; // an 8x8 image shown under the grid until the pen touches it
  let size = 256;
  let last = null; // the previous pen position in cells, while drawing
  let pen = null; // the pointer id drawing now

  function stamp(x, y) {
    for (let r = Math.floor(y - RADIUS); r <= Math.ceil(y + RADIUS); r++) {
      for (let c = Math.floor(x - RADIUS); c <= Math.ceil(x + RADIUS); c++) {
        if (r < 0 || c < 0 || r >= N || c >= N) continue;
        if ((r + 0.5 - y) ** 2 + (c + 0.5 - x) ** 2 <= RADIUS * RADIUS) bitmap[r * N + c] = 1;
      }
    }
  }

  function line(a, b) {
    const steps = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) * 2)); // half-cell steps
    for (let s = 1; s <= steps; s++) stamp(a.x + ((b.x - a.x) * s) / steps, a.y + ((b.y - a.y) * s) / steps);
  }

  function draw() {
    const ctx = fitCanvas(canvas, size, size);
    const cell = size / N;
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, size, size);
    if (ghost) {
      ghost.forEach((row, i) =>
        row.forEach((v, j) => {
          const g = Math.round(255 - (v / 16) * 200);
          ctx.fillStyle = `rgb(${g},${g},${g})`;
          ctx.fillRect(j * BLOCK * cell, i * BLOCK * cell, BLOCK * cell, BLOCK * cell);
        }),
      );
    }
    ctx.fillStyle = INK;
    for (let k = 0; k < N * N; k++) {
      if (bitmap[k]) ctx.fillRect((k % N) * cell, Math.floor(k / N) * cell, cell, cell);
    }
    ctx.strokeStyle = "rgba(47, 62, 158, 0.35)"; // the 4x4 blocks that become one input number
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let b = 0; b <= N; b += BLOCK) {
      const p = Math.min(size - 0.5, Math.round(b * cell) + 0.5);
      ctx.moveTo(p, 0);
      ctx.lineTo(p, size);
      ctx.moveTo(0, p);
      ctx.lineTo(size, p);
    }
    ctx.stroke();
  }

  const at = (e) => {
    const rect = canvas.getBoundingClientRect();
    return { x: ((e.clientX - rect.left) / rect.width) * N, y: ((e.clientY - rect.top) / rect.height) * N };
  };

  canvas.addEventListener("pointerdown", (e) => {
    if (pen !== null || e.button > 0) return;
    e.preventDefault();
    pen = e.pointerId;
    canvas.setPointerCapture(e.pointerId);
    if (ghost) {
      ghost = null;
      bitmap.fill(0);
    }
    last = at(e);
    stamp(last.x, last.y);
    draw();
    onStroke(blockCounts(bitmap));
  });
  canvas.addEventListener("pointermove", (e) => {
    if (e.pointerId !== pen) return;
    const events = e.getCoalescedEvents ? e.getCoalescedEvents() : [e];
    for (const ev of events.length ? events : [e]) {
      const p = at(ev);
      line(last, p);
      last = p;
    }
    draw();
    onStroke(blockCounts(bitmap));
  });
  const end = (e) => {
    if (e.pointerId !== pen) return;
    pen = null;
    last = null;
    onDone(blockCounts(bitmap));
  };
  canvas.addEventListener("pointerup", end);
  canvas.addEventListener("pointercancel", end);

  return {
    clear() {
      bitmap.fill(0);
      ghost = null;
      draw();
    },
    ghost(image) {
      bitmap.fill(0);
      ghost = image;
      draw();
    },
    relayout(width) {
      size = Math.max(160, Math.min(320, Math.floor(width / N) * N));
      draw();
    },
    counts: () => blockCounts(bitmap),
  };
}
