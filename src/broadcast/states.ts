/**
 * Lifecycle of an announcement and of each of its deliveries.
 *
 *   announcement: scheduled ──start──▶ running ──all deliveries settled──▶ done
 *                     └──────────cancel──────────┴──▶ cancelled (pending deliveries → skipped)
 *
 *   delivery: pending ──claim──▶ sending ──▶ sent
 *                ▲                 │ ├──▶ failed   (gone: the user left; or retries used up)
 *                └──retry later────┘ └──▶ skipped  (cancelled, or no text in a language and no fallback)
 *   After a crash, `sending` rows go back to `pending`: at most the deliveries in flight are sent twice.
 */
export const ANNOUNCEMENT_STATES = Object.freeze({ scheduled: 'scheduled', running: 'running', done: 'done', cancelled: 'cancelled' } as const);
export type AnnouncementState = (typeof ANNOUNCEMENT_STATES)[keyof typeof ANNOUNCEMENT_STATES];

export const DELIVERY_STATES = Object.freeze({ pending: 'pending', sending: 'sending', sent: 'sent', failed: 'failed', skipped: 'skipped' } as const);
export type DeliveryState = (typeof DELIVERY_STATES)[keyof typeof DELIVERY_STATES];
