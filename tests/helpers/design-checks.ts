import type { Page } from 'playwright-core';

/** What the elder-friendly design bar asks of one rendered page, measured in the browser. */
export interface DesignMeasurements {
  /** Computed font-size of <body>, CSS px */
  bodyFontSize: number;
  /** Paragraphs in <main> whose line-height is under the minimum ratio */
  tightParagraphs: string[];
  /** Links, buttons and form controls smaller than the minimum target, outside running text */
  smallTargets: string[];
  scrollWidth: number;
  clientWidth: number;
}

export interface DesignOptions {
  /** Minimum target width and height, CSS px */
  minTarget: number;
  /** Minimum line-height as a multiple of font-size */
  minLineHeight: number;
}

/** Measures body text, line height, target sizes and horizontal overflow of the page as it is now. */
export function measureDesign(page: Page, options: DesignOptions): Promise<DesignMeasurements> {
  return page.evaluate(({ minTarget, minLineHeight }) => {
    const describe = (el: Element, extra: string) => {
      const classes = [...el.classList].filter((c) => !c.startsWith('astro-')).join('.');
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 20);
      return `${el.tagName.toLowerCase()}${classes ? `.${classes}` : ''} “${text}” ${extra}`;
    };
    // Hidden, clipped (visually hidden) or parked off-screen (the skip link before it has focus).
    const isShown = (el: Element) => {
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0 || rect.bottom + scrollY <= 0 || rect.right + scrollX <= 0)
        return false;
      for (let node: Element | null = el; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.clip !== 'auto' || style.clipPath !== 'none') return false;
      }
      return true;
    };
    const INLINE_WRAPPERS = new Set(['SPAN', 'STRONG', 'EM', 'B', 'I', 'SMALL', 'MARK', 'CODE', 'ABBR', 'Q', 'CITE']);
    // WCAG 2.5.8 inline exception: a link in a sentence, whose block holds other text too.
    const isInlineInText = (link: Element) => {
      let block = link.parentElement;
      while (block && INLINE_WRAPPERS.has(block.tagName)) block = block.parentElement;
      if (!block || !block.matches('p, li, dd, td')) return false;
      const own = (link.textContent ?? '').trim();
      return (block.textContent ?? '').replace(own, '').trim().length > 0;
    };

    const main = document.querySelector('main');
    const tightParagraphs = [...(main?.querySelectorAll('p') ?? [])]
      .filter((p) => isShown(p) && (p.textContent ?? '').trim())
      .flatMap((p) => {
        const style = getComputedStyle(p);
        const ratio = parseFloat(style.lineHeight) / parseFloat(style.fontSize);
        return Number.isNaN(ratio) || ratio < minLineHeight - 0.005
          ? [describe(p, `line-height ${style.lineHeight} / ${style.fontSize}`)]
          : [];
      });

    const targets = new Set<Element>();
    for (const el of document.querySelectorAll(
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, label',
    )) {
      const control = el instanceof HTMLLabelElement ? el.control : el;
      const isToggle = control instanceof HTMLInputElement && ['checkbox', 'radio'].includes(control.type);
      if (el instanceof HTMLLabelElement && !isToggle) continue;
      // A checkbox is tapped through its label; the label is the target.
      const label = isToggle && !(el instanceof HTMLLabelElement) ? control.labels?.[0] : undefined;
      targets.add(label ?? el);
    }
    const smallTargets = [...targets]
      .filter((el) => isShown(el) && !(el.matches('a') && isInlineInText(el)))
      .flatMap((el) => {
        const { width, height } = el.getBoundingClientRect();
        // Sub-pixel layout: 47.99 px is 48 px on screen.
        return width < minTarget - 0.05 || height < minTarget - 0.05
          ? [describe(el, `${width.toFixed(1)}×${height.toFixed(1)}`)]
          : [];
      });

    return {
      bodyFontSize: parseFloat(getComputedStyle(document.body).fontSize),
      tightParagraphs,
      smallTargets,
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    };
  }, options);
}

/** Whether the focused element shows a focus indicator: a visible outline or a box-shadow. */
export function focusIndicator(page: Page): Promise<{ element: string; visible: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { element: 'body', visible: false };
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none';
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 20);
    return {
      element: `${el.tagName.toLowerCase()} “${text || el.getAttribute('aria-label') || ''}”`,
      visible: outline || shadow,
    };
  });
}
