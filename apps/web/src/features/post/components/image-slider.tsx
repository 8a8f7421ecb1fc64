import { useState } from 'react';
import { useT } from '@/i18n/i18n-provider';
import type { PostImage } from '../api/types';

/** A post's photos one at a time, with previous / next and the position. */
export function ImageSlider({ images, title }: { images: PostImage[]; title: string }) {
  const t = useT();
  const [index, setIndex] = useState(0);
  const at = Math.min(index, images.length - 1);
  const image = images[at];
  const count = images.length;
  if (!image) return null;
  return (
    <figure className="image-slider" aria-roledescription="carousel">
      <img
        className="image-slider__image"
        src={image.url}
        alt={t('post.image.alt', { title, index: at + 1, count })}
        width={image.width}
        height={image.height}
      />
      {count > 1 ? (
        <figcaption className="image-slider__controls">
          <button
            className="button button--ghost"
            type="button"
            disabled={at === 0}
            onClick={() => setIndex(at - 1)}
          >
            {t('post.image.previous')}
          </button>
          <span aria-live="polite">{t('post.image.position', { index: at + 1, count })}</span>
          <button
            className="button button--ghost"
            type="button"
            disabled={at === count - 1}
            onClick={() => setIndex(at + 1)}
          >
            {t('post.image.next')}
          </button>
        </figcaption>
      ) : null}
    </figure>
  );
}
