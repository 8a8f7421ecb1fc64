import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { ApiDoc } from '../../infra/http/api-doc';
import { ApiRateLimit } from '../../infra/http/rate-limit.guard';
import { MediaQueryDto } from './dto/media-query.dto';
import { MediaErrors } from './media.errors';
import { MediaLimits } from './media.policy';
import { MediaDownload, MediaService } from './media.service';

const YEAR = 365 * 24 * 3600;

@ApiTags('media')
@Controller('media')
export class MediaController {
  constructor(@Inject(MediaService) private readonly media: MediaService) {}

  /** Streams the bytes through the API for both drivers (why: README, "API for clients"). */
  @Get(':key')
  @ApiRateLimit(MediaLimits.downloadsPerIp)
  @ApiParam({ name: 'key', format: 'uuid' })
  @ApiProduces('image/webp')
  @ApiOkResponse({
    description: 'The re-encoded image.',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiDoc({
    summary: 'Download an image',
    description:
      'Public images (avatars) are cacheable forever: a key never changes its bytes. Private images (chat) need the signed, expiring `exp` and `sig` of the URL they came with. Add `size=thumb` for the small version. Served with `X-Content-Type-Options: nosniff` and `Content-Security-Policy: sandbox`.',
    errors: [MediaErrors.notFound],
  })
  async download(
    @Param('key') key: string,
    @Query() query: MediaQueryDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    // <img> requests carry no bearer token: private images come with a signed, expiring URL.
    const file = await this.media.open(key, query.size ?? 'full', {
      grant: { exp: query.exp, sig: query.sig },
    });
    if (req.headers['if-none-match'] === file.etag) {
      setCaching(res, file);
      res.status(304).end();
      return;
    }
    const { body, size } = await file.read();
    setCaching(res, file);
    res.setHeader('Content-Type', file.contentType);
    if (size !== undefined) res.setHeader('Content-Length', String(size));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'");
    res.setHeader('Content-Disposition', `inline; filename="${key}.webp"`);
    await pipeline(body, res).catch((err: NodeJS.ErrnoException) => {
      // A viewer closing the tab mid-download is not a server fault.
      if (err.code !== 'ERR_STREAM_PREMATURE_CLOSE') throw err;
    });
  }
}

function setCaching(res: Response, file: MediaDownload): void {
  res.setHeader('ETag', file.etag);
  // Keys are never reused, so a public object can be cached forever; private ones never.
  res.setHeader(
    'Cache-Control',
    file.isPublic
      ? `public, max-age=${YEAR}, immutable`
      : file.privateMaxAgeSec
        ? `private, max-age=${file.privateMaxAgeSec}`
        : 'private, no-store',
  );
  if (file.isPublic) res.setHeader('Vary', 'Origin');
}
