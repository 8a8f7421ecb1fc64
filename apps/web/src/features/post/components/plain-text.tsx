import { linkify } from './linkify';

/**
 * Post and comment text as written: line breaks kept (CSS `pre-wrap`), http(s) URLs as links,
 * everything else as text. Never HTML.
 */
export function PlainText({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className ? `plain-text ${className}` : 'plain-text'}>
      {linkify(text).map((part, i) =>
        part.kind === 'link' ? (
          <a key={i} href={part.href} target="_blank" rel="noopener noreferrer nofollow ugc">
            {part.text}
          </a>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </div>
  );
}
