/**
 * explorer/session-pointer.js: what the pointer does on the grids. Hovering an output goes to
 * its step (and back when the pointer leaves); hovering an input marks the outputs that read
 * that cell; a click jumps (output, transposed input) or pins the marks (input).
 *
 *   createPointer({player, current() -> session | null, redraw()}) -> pointer
 *     .hoverInput(hit | null)  .hoverOutput(hit | null)  .clickInput(hit)  .clickOutput(hit)
 *     .hover  .pinned            the input cell marked now, the one a click pinned (or null)
 *     .unpin()                   a new configuration is on its way: its cells are other cells
 *     .settle()                  it is shown: nothing hovered, no step to return to
 *   samePin(pinned, hit) -> bool   the click is on the pinned cell (it unpins)
 *   stepOf(found) -> k | null      an adapter's stepAt/inputStep answer, undefined as null
 */

export const samePin = (pinned, hit) => Boolean(pinned) && pinned.panel === hit.panel && pinned.i === hit.i && pinned.j === hit.j;

export const stepOf = (found) => (found === null || found === undefined ? null : found);

export function createPointer({ player, current, redraw }) {
  let hover = null;
  let pinned = null; // an input cell clicked: its readers stay marked after the pointer leaves
  let hoverFrom = null; // the step to return to when the pointer leaves the output
  const outputStep = (hit) => stepOf(current().adapter.stepAt(hit, player.k));

  return {
    hoverInput(hit) {
      hover = hit ? { view: "input", ...hit } : pinned; // leaving shows the pinned cell again
      redraw();
    },
    hoverOutput(hit) {
      if (!current()) return;
      if (!hit) {
        if (hoverFrom !== null) player.setStep(hoverFrom);
        hoverFrom = null;
        return;
      }
      const k = outputStep(hit);
      if (k === null) return;
      if (hoverFrom === null) hoverFrom = player.k;
      player.pause();
      player.setStep(k); // hover is drawn "as if" it were the step: one code path
    },
    clickInput(hit) {
      // A transposed input cell has a step of its own: go there. Elsewhere a click pins what
      // hovering shows (which outputs read this cell); a second click on it unpins.
      const cur = current();
      const k = cur && cur.adapter.inputStep ? stepOf(cur.adapter.inputStep(hit, player.k)) : null;
      if (k !== null) return player.jump(k);
      pinned = samePin(pinned, hit) ? null : { view: "input", ...hit };
      hover = pinned;
      redraw();
    },
    clickOutput(hit) {
      if (!current()) return;
      const k = outputStep(hit);
      if (k === null) return;
      hoverFrom = null;
      player.jump(k);
    },
    unpin() {
      pinned = null;
      hover = null;
    },
    settle() {
      hover = null;
      hoverFrom = null;
    },
    get hover() {
      return hover;
    },
    get pinned() {
      return pinned;
    },
  };
}
