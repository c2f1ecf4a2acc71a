/**
 * The rules about an entry's state that pages, counts, feeds and related lists apply, each written once.
 */
import type { STATUSES } from '../schemas/shared.ts';

type Status = (typeof STATUSES)[number];

/** 推介: selected after expert review, as against 推荐 (recommended by a province, the default). */
const PROMOTED: Status = '推介';

/**
 * Live: not withdrawn. A withdrawn entry keeps its page and its place in the open data (its URL and QR code
 * may be printed), and is counted, listed as related, featured and announced nowhere else.
 */
export const isLive = (entry: { data: { withdrawn: boolean } }): boolean => !entry.data.withdrawn;

/** Promoted (推介) after expert review: the badge, the 推介 lists, the book and the national targets. */
export const isPromoted = (entry: { data: { status: Status } }): boolean => entry.data.status === PROMOTED;

/** Shown with distinction (择优展示): the badge and the home page's featured list. */
export const isFeatured = (entry: { data: { featured: boolean } }): boolean => entry.data.featured;
