import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppConfig } from '../../config/app.config';
import { JwtAuthGuard } from '../../infra/auth/jwt-auth.guard';
import { CurrentPrincipal, type Principal } from '../../infra/auth/principal';
import { AuthErrors } from './auth.errors';
import { isCsrfSafe } from './auth.policy';
import { AuthService } from './auth.service';
import type { ClientMeta, IssuedTokens } from './auth.service';
import { AuthTokensDto, LoginDto, RefreshDto, SessionDto, SignupDto } from './dto/auth.dto';
import { clearRefreshCookie, deliverTokens, REFRESH_COOKIE } from './refresh-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  @Post('signup')
  @ApiCreatedResponse({ type: AuthTokensDto })
  async signup(
    @Body() dto: SignupDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuthTokensDto> {
    return this.deliver(await this.auth.signup(dto, meta(req)), dto.useCookie, res);
  }

  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthTokensDto })
  async login(
    @Body() dto: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuthTokensDto> {
    return this.deliver(await this.auth.login(dto, meta(req)), dto.useCookie, res);
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthTokensDto })
  async refresh(
    @Body() dto: RefreshDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuthTokensDto> {
    const token = dto.refreshToken ?? this.cookieToken(req);
    if (!token) throw AuthErrors.refreshInvalid();
    try {
      return this.deliver(
        await this.auth.refresh(token, meta(req)),
        dto.useCookie ?? !dto.refreshToken,
        res,
      );
    } catch (err) {
      if (!dto.refreshToken) this.clearCookie(res);
      throw err;
    }
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse()
  @UseGuards(JwtAuthGuard)
  async logout(
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.auth.logout(principal.sessionId);
    this.clearCookie(res);
  }

  @Post('logout-all')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse()
  @UseGuards(JwtAuthGuard)
  async logoutAll(
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.auth.logoutAll(principal.userId);
    this.clearCookie(res);
  }

  @Get('sessions')
  @ApiBearerAuth()
  @ApiOkResponse({ type: SessionDto, isArray: true })
  @UseGuards(JwtAuthGuard)
  sessions(@CurrentPrincipal() principal: Principal): Promise<SessionDto[]> {
    return this.auth.listSessions(principal);
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse()
  @UseGuards(JwtAuthGuard)
  revokeSession(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<void> {
    return this.auth.revokeSession(principal, id);
  }

  private cookieToken(req: Request): string | undefined {
    const token = (req.cookies as Record<string, string> | undefined)?.[REFRESH_COOKIE];
    if (!token) return undefined;
    if (
      !isCsrfSafe(
        { csrf: req.header('x-csrf'), origin: req.header('origin') },
        this.config.corsOrigins,
      )
    )
      throw AuthErrors.csrfFailed();
    return token;
  }

  private deliver(
    tokens: IssuedTokens,
    useCookie: boolean | undefined,
    res: Response,
  ): AuthTokensDto {
    return deliverTokens(tokens, useCookie, res, this.config);
  }

  private clearCookie(res: Response): void {
    clearRefreshCookie(res, this.config);
  }
}

function meta(req: Request): ClientMeta {
  return { ip: req.ip ?? null, userAgent: req.header('user-agent')?.slice(0, 512) ?? null };
}
