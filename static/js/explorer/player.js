/**
 * player.js: owns the step index k, and the clock that advances it.
 *
 * A frame is a function of k (style rule 4): play, step, scrub, click, hover and keys all end in
 * setStep(k), which calls onStep(k) once. Playing advances by speed x elapsed time, so at high
 * speeds several steps pass per frame and the renderer fills them in at once. A generation
 * counter cancels stale loops: every play() or pause() starts a new generation, and a loop whose
 * generation is old stops at its next frame.
 *
 * createPlayer({ onStep, onPlayState, ready }) -> player
 *   onStep(k)              draw step k
 *   onPlayState(playing)   update the play button
 *   ready(k) -> bool       is step k's data here? the clock waits (does not skip) when not
 * player.setStep(k)      draw k (keeps playing); .jump(k) pauses first (click, scrub)
 * player.step(delta)  .first()  .last()  .play()  .pause()  .toggle()
 * player.setTotal(n)      number of steps (k in [0, n - 1]); keeps k when it still fits
 * player.setSpeed(stepsPerSecond)
 * player.k, player.total, player.playing   (read-only)
 */
export function createPlayer({ onStep, onPlayState = () => {}, ready = () => true }) {
  let k = 0;
  let total = 0;
  let speed = 4;
  let playing = false;
  let gen = 0;

  function setStep(next) {
    const clamped = Math.max(0, Math.min(total - 1, Math.round(next) || 0));
    k = total > 0 ? clamped : 0;
    onStep(k);
  }

  function setPlaying(on) {
    playing = on;
    gen++;
    onPlayState(on);
  }

  function loop(myGen) {
    let last = performance.now();
    let carry = 0;
    const tick = (now) => {
      if (myGen !== gen) return; // a newer play() or a pause() took over
      carry += ((now - last) / 1000) * speed;
      last = now;
      const n = Math.floor(carry);
      if (n > 0) {
        const target = Math.min(total - 1, k + n);
        if (ready(target)) {
          carry -= n;
          setStep(target);
        } else carry = 0; // wait for the data rather than jump past it
      }
      if (k >= total - 1) {
        setPlaying(false);
        return;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }

  const player = {
    setStep,
    step: (delta) => {
      if (playing) setPlaying(false);
      setStep(k + delta);
    },
    first: () => player.jump(0),
    last: () => player.jump(total - 1),
    jump(next) {
      if (playing) setPlaying(false);
      setStep(next);
    },
    play() {
      if (total < 1) return;
      if (k >= total - 1) setStep(0); // play from the start after the end
      setPlaying(true);
      loop(gen);
    },
    pause() {
      if (playing) setPlaying(false);
    },
    toggle: () => (playing ? player.pause() : player.play()),
    setTotal(n) {
      total = Math.max(0, n);
      if (k > total - 1) k = Math.max(0, total - 1);
    },
    setSpeed(stepsPerSecond) {
      speed = stepsPerSecond;
    },
    get k() {
      return k;
    },
    get total() {
      return total;
    },
    get playing() {
      return playing;
    },
  };
  return player;
}
