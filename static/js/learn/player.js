/**
 * learn/player.js: a play/pause clock over the received steps; every frame is setStep(k).
 *
 *   createPlayer({duration, onStep(k), onPlaying(bool)}) -> player
 *     player.setTotal(n)    how many steps exist so far (the stream keeps adding)
 *     player.play() / pause() / toggle() / restart()
 *     player.setStep(k)     jump (scrub); pauses nothing
 *   A whole run plays in about `duration` ms, whatever its length.
 */
export function createPlayer({ duration = 6000, onStep, onPlaying }) {
  let total = 0;
  let expected = 1;
  let k = 0;
  let playing = false;
  let last = 0;
  let carry = 0;

  function frame(now) {
    if (!playing) return;
    carry += ((now - last) / duration) * expected;
    last = now;
    const adv = Math.floor(carry);
    if (adv > 0 && k < total - 1) {
      carry -= adv;
      setStep(Math.min(total - 1, k + adv));
    }
    if (k >= expected - 1 && k >= total - 1 && total > 0) return pause();
    requestAnimationFrame(frame);
  }
  function setStep(next) {
    k = Math.max(0, Math.min(next, Math.max(0, total - 1)));
    onStep(k);
  }
  function play() {
    if (playing) return;
    if (k >= total - 1 && total >= expected) setStep(0);
    playing = true;
    carry = 0;
    last = performance.now();
    onPlaying(true);
    requestAnimationFrame(frame);
  }
  function pause() {
    playing = false;
    onPlaying(false);
  }
  return {
    setTotal(n, exp = expected) {
      total = n;
      expected = Math.max(1, exp);
    },
    play,
    pause,
    toggle: () => (playing ? pause() : play()),
    restart() {
      setStep(0);
      play();
    },
    setStep,
    get step() {
      return k;
    },
  };
}
