import type { devKo } from './ko';

/** The development mail outbox (English). */
export const devEn: typeof devKo = {
  devOutbox: {
    description:
      'Mail the server sent in embedded mode (no SMTP_URL). Only the last 50 are kept, in memory.',
    empty: 'No mail sent yet.',
    hint: 'This server runs in development mode and does not really send mail.',
    open: 'Open the dev mailbox',
    refresh: 'Refresh',
    sentAt: 'Sent {date}',
    title: 'Dev mailbox',
    to: 'To {to}',
    unavailable:
      'The dev mailbox is off: SMTP is configured, the server runs in production, or you are not on the server machine.',
  },
};
