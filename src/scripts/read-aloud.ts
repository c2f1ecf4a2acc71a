/** 朗读 with the browser's own speech synthesis, in zh-CN, sentence by sentence. */
export type ReadState = 'idle' | 'speaking' | 'paused';

/** A Chinese (mainland) voice if the device has one; 朗读 is only offered then. */
export function findChineseVoice(voices: SpeechSynthesisVoice[]): SpeechSynthesisVoice | undefined {
  const normal = (lang: string) => lang.toLowerCase().replace('_', '-');
  return voices.find((v) => normal(v.lang) === 'zh-cn') ?? voices.find((v) => normal(v.lang).startsWith('zh'));
}

/** Long utterances stop silently in some browsers, so text is read in sentences. */
export function splitSentences(text: string): string[] {
  return (
    text
      .replace(/\s+/g, ' ')
      .match(/[^。！？!?；;\n]+[。！？!?；;]?/g)
      ?.map((s) => s.trim())
      .filter(Boolean) ?? []
  );
}

export class ReadAloud {
  voice: SpeechSynthesisVoice | undefined;
  private state: ReadState = 'idle';
  private queue: string[] = [];

  constructor(
    private readonly synth: SpeechSynthesis,
    private readonly onChange: (state: ReadState) => void,
  ) {}

  start(text: string): void {
    this.synth.cancel();
    this.queue = splitSentences(text);
    this.set('speaking');
    this.next();
  }

  togglePause(): void {
    if (this.state === 'speaking') {
      this.synth.pause();
      this.set('paused');
    } else if (this.state === 'paused') {
      this.synth.resume();
      this.set('speaking');
    }
  }

  stop(): void {
    this.queue = [];
    this.synth.cancel();
    this.set('idle');
  }

  private next(): void {
    const sentence = this.queue.shift();
    if (sentence === undefined) {
      this.set('idle');
      return;
    }
    const utterance = new SpeechSynthesisUtterance(sentence);
    utterance.lang = 'zh-CN';
    if (this.voice) utterance.voice = this.voice;
    utterance.rate = 0.9;
    utterance.onend = () => {
      if (this.state !== 'idle') this.next();
    };
    this.synth.speak(utterance);
  }

  private set(state: ReadState): void {
    this.state = state;
    this.onChange(state);
  }
}
