import { Controller, Delete, Inject, Put, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { singleFileUpload } from '../../infra/http/multipart';
import type { Principal } from '../auth/auth.service';
import { CurrentPrincipal, JwtAuthGuard } from '../auth/jwt-auth.guard';
import { MediaService } from '../media/media.service';
import { AvatarService } from './avatar.service';
import { AvatarUploadDto } from './dto/avatar-upload.dto';
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
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: AvatarUploadDto })
  @ApiOkResponse({ type: UserSummaryDto })
  replace(@CurrentPrincipal() principal: Principal, @Req() req: Request): Promise<UserSummaryDto> {
    const file = singleFileUpload(req, { field: 'file', ...this.media.uploadLimits });
    return this.avatars.replace(principal.userId, file);
  }

  @Delete()
  @ApiOkResponse({ type: UserSummaryDto })
  remove(@CurrentPrincipal() principal: Principal): Promise<UserSummaryDto> {
    return this.avatars.remove(principal.userId);
  }
}
