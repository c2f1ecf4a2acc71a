import type { BrowserContext } from 'playwright-core';

/** What the stubbed speechSynthesis was asked to do. */
export interface SpeechLog {
  /** Text of every utterance passed to speak(), in order */
  spoken: string[];
  /** speak / pause / resume / cancel, in order */
  calls: string[];
}

export interface SpeechStubOptions {
  /** Voices the device offers, e.g. `[{ lang: 'zh-CN', name: '婷婷' }]` */
  voices: { lang: string; name: string }[];
  /** Offer the voices only after a `voiceschanged` event, as Chrome does on first use */
  late?: boolean;
  /** How long each utterance "speaks" before its end event, ms */
  utteranceMs?: number;
}

declare global {
  interface Window {
    __speech?: SpeechLog;
  }
}

/**
 * Replaces the Web Speech API in every page of the context with a recorder: utterances end on their own after
 * `utteranceMs` unless paused or cancelled, like a real voice.
 */
export async function stubSpeech(context: BrowserContext, options: SpeechStubOptions): Promise<void> {
  await context.addInitScript(
    ({ voices, late, utteranceMs }) => {
      const log: SpeechLog = { spoken: [], calls: [] };
      window.__speech = log;
      const fakeVoices = voices.map((v) => ({ ...v, voiceURI: v.name, default: false, localService: true }));
      let offered = late ? [] : fakeVoices;
      let current: { onend: ((event: Event) => void) | null } | null = null;
      let paused = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const listeners = new Set<(event: Event) => void>();

      const endLater = () => {
        clearTimeout(timer);
        if (!current || paused) return;
        const utterance = current;
        timer = setTimeout(() => {
          current = null;
          utterance.onend?.(new Event('end'));
        }, utteranceMs);
      };
      const synth = {
        get speaking() {
          return current !== null;
        },
        get paused() {
          return paused;
        },
        pending: false,
        onvoiceschanged: null,
        getVoices: () => offered,
        speak(utterance: { text: string; onend: ((event: Event) => void) | null }) {
          log.calls.push('speak');
          log.spoken.push(utterance.text);
          current = utterance;
          endLater();
        },
        pause() {
          log.calls.push('pause');
          paused = true;
          clearTimeout(timer);
        },
        resume() {
          log.calls.push('resume');
          paused = false;
          endLater();
        },
        cancel() {
          log.calls.push('cancel');
          clearTimeout(timer);
          current = null;
          paused = false;
        },
        addEventListener(type: string, listener: (event: Event) => void) {
          if (type === 'voiceschanged') listeners.add(listener);
        },
        removeEventListener(_type: string, listener: (event: Event) => void) {
          listeners.delete(listener);
        },
      };
      // A real SpeechSynthesisUtterance only accepts real voices, which a page cannot make.
      class FakeUtterance {
        text: string;
        lang = '';
        voice: unknown = null;
        rate = 1;
        pitch = 1;
        volume = 1;
        onend: ((event: Event) => void) | null = null;
        constructor(text = '') {
          this.text = text;
        }
      }
      Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true });
      if (late) {
        // After the page's own scripts have asked once and found none.
        addEventListener('load', () =>
          setTimeout(() => {
            offered = fakeVoices;
            for (const listener of listeners) listener(new Event('voiceschanged'));
          }, 50),
        );
      }
    },
    { voices: options.voices, late: options.late ?? false, utteranceMs: options.utteranceMs ?? 20 },
  );
}
