/**
 * The new-ticket sound: a short two-tone beep made with WebAudio (no file to download or cache).
 * Browsers only let a page play sound after a person interacted with it, so the audio context is
 * created on the first tap or key press; until then `ready()` is false and the screen says so.
 */
let context: AudioContext | null = null;

export function unlockChime(): boolean {
  if (context) return true;
  const Context = globalThis.AudioContext;
  if (!Context) return false;
  context = new Context();
  void context.resume().catch(() => undefined);
  return true;
}

export function chimeReady(): boolean {
  return context !== null;
}

export function playChime(): void {
  if (!context) return;
  const start = context.currentTime;
  for (const [offset, frequency] of [
    [0, 880],
    [0.18, 1175],
  ] as const) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.4, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.16);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + 0.18);
  }
}
