import { Controller, Delete, Inject, Put, Req, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { JwtAuthGuard } from '../../infra/auth/jwt-auth.guard';
import { CurrentPrincipal, type Principal } from '../../infra/auth/principal';
import { singleFileUpload } from '../../infra/http/multipart';
import { ImageUploadDto, MediaService } from '../media';
import { AvatarService } from './avatar.service';
import { UserSummaryDto } from './dto/user-summary.dto';

@ApiTags('users')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('users/me/avatar')
export class AvatarController {
  constructor(
    @Inject(AvatarService) private readonly avatars: AvatarService,
    @Inject(MediaService) private readonly media: MediaService,
  ) {}

  @Put()
  @ApiOperation({
    summary: 'Upload or replace my avatar',
    description:
      'One multipart part named `file`. Refusals: 413 MEDIA_TOO_LARGE (over 10 MB), 415 MEDIA_TYPE_UNSUPPORTED (not JPEG/PNG/WebP/GIF by content), 422 MEDIA_DIMENSIONS_TOO_LARGE (over 33 MP) or MEDIA_IMAGE_INVALID, 429 after 30 uploads in 30 minutes. The previous avatar is deleted.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ImageUploadDto })
  @ApiOkResponse({ type: UserSummaryDto })
  replace(@CurrentPrincipal() principal: Principal, @Req() req: Request): Promise<UserSummaryDto> {
    const file = singleFileUpload(req, { field: 'file', ...this.media.uploadLimits });
    return this.avatars.replace(principal.userId, file);
  }

  @Delete()
  @ApiOperation({ summary: 'Remove my avatar (idempotent)' })
  @ApiOkResponse({ type: UserSummaryDto })
  remove(@CurrentPrincipal() principal: Principal): Promise<UserSummaryDto> {
    return this.avatars.remove(principal.userId);
  }
}
