import { Inject, Injectable } from '@nestjs/common';
import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../../config/app.config';

const HOUR_SEC = 3600;

/** The query string that proves a private media URL was handed out by this server. */
export interface MediaGrant {
  exp?: number;
  sig?: string;
}

/**
 * Capability URLs for private media (chat images). `<img>` requests carry no bearer token, so
 * whoever may see the message that holds an image gets a signed, expiring URL for it, like a
 * presigned S3 URL but same-origin. The expiry is rounded up to a whole hour and runs one more
 * hour, so a URL stays the same for a while and the browser cache works; a member removed from a
 * room keeps at most that long to fetch an image they were already shown.
 */
@Injectable()
export class MediaUrls {
  /** A key object made once: a Buffer key is converted on every HMAC (a feed page signs 20). */
  private readonly secret: KeyObject;

  constructor(@Inject(AppConfig) config: AppConfig) {
    this.secret = createSecretKey(
      createHmac('sha256', config.jwtSecret).update('orgo:media-url:v1').digest(),
    );
  }

  private(key: string, now = Date.now()): string {
    const exp = (Math.ceil(now / 1000 / HOUR_SEC) + 1) * HOUR_SEC;
    return `/api/media/${key}?exp=${exp}&sig=${this.sign(key, exp)}`;
  }

  verify(key: string, grant: MediaGrant, now = Date.now()): boolean {
    if (!grant.exp || !grant.sig || grant.exp * 1000 <= now) return false;
    const expected = Buffer.from(this.sign(key, grant.exp));
    const given = Buffer.from(grant.sig);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private sign(key: string, exp: number): string {
    return createHmac('sha256', this.secret).update(`${key}.${exp}`).digest('base64url');
  }
}
