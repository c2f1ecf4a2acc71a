import { translator } from '../i18n/translate.ts';
import { ENTRY_ACTIONS_UI } from '../i18n/zh-CN/entry-actions.ts';
import { isFavorite, toggleFavorite } from './favorites.ts';
import { ReadAloud, findChineseVoice } from './read-aloud.ts';

// Only this feature's strings: importing the site's whole table would ship every string to every entry page.
const t = translator(ENTRY_ACTIONS_UI);

const say = (status: HTMLElement | null, text: string) => {
  if (status) status.textContent = text;
};

/** Wires 朗读, 收藏, 复制链接 and 打印 on an entry page. Each button works on its own. */
export function setUpEntryActions(): void {
  const status = document.querySelector<HTMLElement>('[data-action-status]');

  const favorite = document.querySelector<HTMLButtonElement>('[data-favorite]');
  if (favorite) {
    const { kind = '', slug = '', title = '', summary = '', url = '' } = favorite.dataset;
    const render = () => {
      const on = isFavorite(kind, slug);
      favorite.setAttribute('aria-pressed', String(on));
      favorite.textContent = on ? t('actions.favorited') : t('actions.favorite');
    };
    favorite.addEventListener('click', () => {
      const on = toggleFavorite({ kind, slug, title, summary, url });
      render();
      say(status, on ? t('actions.favoriteAdded') : t('actions.favoriteRemoved'));
    });
    render();
  }

  const copy = document.querySelector<HTMLButtonElement>('[data-copy-link]');
  copy?.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(copy.dataset.copyLink ?? location.href);
      say(status, t('actions.copied'));
    } catch {
      say(status, t('actions.copyFailed'));
    }
  });

  document.querySelector('[data-print]')?.addEventListener('click', () => window.print());

  const start = document.querySelector<HTMLButtonElement>('[data-read-aloud]');
  const pause = document.querySelector<HTMLButtonElement>('[data-read-pause]');
  const stop = document.querySelector<HTMLButtonElement>('[data-read-stop]');
  const sources = [...document.querySelectorAll<HTMLElement>('[data-read-aloud-source]')];
  if (!start || !pause || !stop || sources.length === 0 || !('speechSynthesis' in window)) return;

  const reader = new ReadAloud(window.speechSynthesis, (state) => {
    start.hidden = state !== 'idle';
    pause.hidden = state === 'idle';
    stop.hidden = state === 'idle';
    pause.textContent = state === 'paused' ? t('actions.resume') : t('actions.pause');
    if (state === 'speaking') say(status, t('actions.reading'));
    if (state === 'idle') say(status, '');
  });
  const offer = () => {
    const voice = findChineseVoice(window.speechSynthesis.getVoices());
    if (!voice) return false;
    reader.voice = voice;
    start.hidden = false;
    return true;
  };
  if (!offer()) window.speechSynthesis.addEventListener('voiceschanged', offer, { once: true });
  start.addEventListener('click', () => reader.start(sources.map((el) => el.innerText).join('\n')));
  pause.addEventListener('click', () => reader.togglePause());
  stop.addEventListener('click', () => reader.stop());
  window.addEventListener('pagehide', () => reader.stop());
}
