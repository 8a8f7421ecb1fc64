import type { ChatMessageQuote } from '@orgo/contracts';
import { useT } from '@/i18n/i18n-provider';

/** The quoted message of a reply, or the reply target above the composer. */
export function ReplyQuote({
  quote,
  label,
}: {
  quote: Pick<ChatMessageQuote, 'deletedAt' | 'sender' | 'text'>;
  /** Names the quote for screen readers ("Reply to …" / "Replying to …"). */
  label: string;
}) {
  const t = useT();
  // No text and not deleted: a photo-only message.
  const body = quote.deletedAt ? t('chat.reply.deleted') : (quote.text ?? t('chat.reply.photo'));
  return (
    <figure className="message__quote" aria-label={label}>
      <figcaption className="message__quote-sender">{quote.sender.nickname}</figcaption>
      <blockquote className={quote.deletedAt ? 'muted' : undefined}>{body}</blockquote>
    </figure>
  );
}
