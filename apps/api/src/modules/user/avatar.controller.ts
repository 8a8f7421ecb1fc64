import { Controller, Delete, Inject, Put, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { JwtAuthGuard } from '../../infra/auth/jwt-auth.guard';
import { CurrentPrincipal, type Principal } from '../../infra/auth/principal';
import { ApiImageUpload, MediaService, uploadedImage } from '../media';
import { AvatarService } from './avatar.service';
import { UserSummaryDto } from './dto/user-summary.dto';
import { ApiDoc } from '../../infra/http/api-doc';
import { UserErrors } from './user.errors';

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
  @ApiOkResponse({ type: UserSummaryDto })
  @ApiImageUpload({
    summary: 'Upload or replace my avatar',
    description:
      'One multipart part named `file`: JPEG, PNG, WebP or GIF by content, at most 10 MB and 33 MP, re-encoded as WebP without metadata. The previous avatar is deleted.',
    errors: [UserErrors.notFound],
  })
  replace(@CurrentPrincipal() principal: Principal, @Req() req: Request): Promise<UserSummaryDto> {
    return this.avatars.replace(principal.userId, uploadedImage(req, this.media.uploadLimits));
  }

  @Delete()
  @ApiOkResponse({ type: UserSummaryDto })
  @ApiDoc({
    summary: 'Remove my avatar (idempotent)',
    errors: [UserErrors.notFound],
  })
  remove(@CurrentPrincipal() principal: Principal): Promise<UserSummaryDto> {
    return this.avatars.remove(principal.userId);
  }
}
