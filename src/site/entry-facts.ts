import { t } from '../i18n/zh-CN.ts';
import type { Entry } from '../collections/catalogue.ts';

/** The one fact a card shows besides unit and province, in plain words. */
export function keyFact(entry: Entry): string | undefined {
  if (entry.collection === 'courses') {
    const d = (entry as Entry<'courses'>).data;
    return d.minutes
      ? t('card.video', { minutes: d.minutes })
      : d.resourceType.includes('教材（读本）')
        ? t('card.book')
        : d.resourceNote;
  }
  if (entry.collection === 'projects') {
    const d = (entry as Entry<'projects'>).data;
    return t('card.project', { cohorts: d.cohorts, participants: d.participants });
  }
  return undefined;
}
