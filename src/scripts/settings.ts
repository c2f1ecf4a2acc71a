/** Display settings kept on this device. The same keys are read by the inline head script before first paint. */
export type TextSize = 'standard' | 'large' | 'xlarge';

export interface DisplaySettings {
  textSize: TextSize;
  care: boolean;
}

export const SIZE_KEY = 'zl-text-size';
export const CARE_KEY = 'zl-care';

export function readSettings(): DisplaySettings {
  try {
    const size = localStorage.getItem(SIZE_KEY);
    return {
      textSize: size === 'large' || size === 'xlarge' ? size : 'standard',
      care: localStorage.getItem(CARE_KEY) === 'on',
    };
  } catch {
    return { textSize: 'standard', care: false };
  }
}

export function saveSettings(settings: DisplaySettings): void {
  try {
    localStorage.setItem(SIZE_KEY, settings.textSize);
    localStorage.setItem(CARE_KEY, settings.care ? 'on' : 'off');
  } catch {
    // Private browsing may refuse storage: the setting still applies to this page.
  }
  applySettings(settings);
}

export function applySettings(settings: DisplaySettings = readSettings()): void {
  const html = document.documentElement;
  if (settings.textSize === 'standard') html.removeAttribute('data-text-size');
  else html.setAttribute('data-text-size', settings.textSize);
  html.toggleAttribute('data-care', settings.care);
}
