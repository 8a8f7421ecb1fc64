interface AvatarProps {
  nickname: string;
  url: string | null;
  size?: 'small' | 'large';
}

/** Decorative: the nickname is always shown beside it, so screen readers skip the image. */
export function Avatar({ nickname, url, size = 'small' }: AvatarProps) {
  const className = `avatar avatar--${size}`;
  if (url) return <img className={className} src={url} alt="" loading="lazy" />;
  return (
    <span className={`${className} avatar--initial`} aria-hidden="true">
      {Array.from(nickname)[0] ?? '?'}
    </span>
  );
}
