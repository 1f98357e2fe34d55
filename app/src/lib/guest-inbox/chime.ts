/**
 * A short two-note chime for a new guest order or call. Browsers refuse sound until the person
 * has touched the page, and Chromium logs a warning for an AudioContext created before that; so
 * the context is made (or resumed) inside the first tap or key press, and until it runs the
 * chime stays silent rather than erroring. The badge says the same thing in words.
 */

/** The part of an AudioContext the chime uses (tests give a fake). */
export interface ChimeContext {
  state: string;
  currentTime: number;
  destination: unknown;
  resume(): Promise<void>;
  createOscillator(): {
    type: string;
    frequency: { setValueAtTime(value: number, at: number): unknown };
    connect(node: unknown): unknown;
    start(at: number): void;
    stop(at: number): void;
  };
  createGain(): {
    gain: {
      setValueAtTime(value: number, at: number): unknown;
      exponentialRampToValueAtTime(value: number, at: number): unknown;
    };
    connect(node: unknown): unknown;
  };
}

export interface Chime {
  /** Listens for the first gesture on `target`; the returned function stops listening. */
  arm(target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>): () => void;
  /** Plays the chime when sound is allowed; answers whether it played. */
  play(): boolean;
}

const gestures = ['pointerdown', 'keydown'] as const;

export function createChime(makeContext: () => ChimeContext | null): Chime {
  let context: ChimeContext | null = null;
  const unlock = () => {
    try {
      context ??= makeContext();
      if (context?.state === 'suspended') context.resume().catch(() => undefined);
    } catch {
      context = null;
    }
  };
  return {
    arm(target) {
      for (const type of gestures) target.addEventListener(type, unlock, { passive: true });
      return () => {
        for (const type of gestures) target.removeEventListener(type, unlock);
      };
    },
    play() {
      if (context?.state !== 'running') return false;
      try {
        const start = context.currentTime;
        // Two rising notes (A5, E6), each a soft 0.18 s blip.
        for (const [index, frequency] of [880, 1319].entries()) {
          const at = start + index * 0.16;
          const oscillator = context.createOscillator();
          const gain = context.createGain();
          oscillator.type = 'sine';
          oscillator.frequency.setValueAtTime(frequency, at);
          gain.gain.setValueAtTime(0.2, at);
          gain.gain.exponentialRampToValueAtTime(0.001, at + 0.18);
          oscillator.connect(gain);
          gain.connect(context.destination);
          oscillator.start(at);
          oscillator.stop(at + 0.2);
        }
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** The app's chime, on the browser's AudioContext (none where the browser has no Web Audio). */
export const chime = createChime(() =>
  typeof AudioContext === 'undefined' ? null : (new AudioContext() as unknown as ChimeContext),
);
