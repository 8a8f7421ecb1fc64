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
import { ApiDoc } from '../../infra/http/api-doc';
import { UserErrors } from '../user';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  @Post('signup')
  @ApiCreatedResponse({ type: AuthTokensDto })
  @ApiDoc({
    summary: 'Sign up with email and password',
    description:
      'Creates the account, mails a 6-digit code and a link to verify the address, and signs in: answers an access token (Bearer) and a refresh token. With `useCookie: true` the refresh token goes only into the httpOnly `__Host-rt` cookie (browsers); without it, in the body (API clients).',
    errors: [
      AuthErrors.emailTaken,
      AuthErrors.passwordTooCommon,
      AuthErrors.passwordTooPersonal,
      UserErrors.nicknameTaken,
    ],
    limits: [
      '`SIGNUP_PER_IP_PER_HOUR` sign-ups per hour per IP and `SIGNUP_PER_EMAIL_PER_HOUR` per email address',
    ],
    example: {
      email: 'climber@example.com',
      password: 'granite-ridge-at-dawn',
      nickname: 'climber',
      useCookie: true,
    },
  })
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
  @ApiDoc({
    summary: 'Sign in with email and password',
    description:
      'Answers an access token (Bearer) and a refresh token; with `useCookie: true` the refresh token goes only into the httpOnly `__Host-rt` cookie. Each attempt is counted before the password is checked; a success clears the count.',
    errors: [AuthErrors.credentialsInvalid],
    limits: [
      { name: 'login-ip', limit: 25, windowSec: 5 * 60 },
      '5 failed attempts per 30 min per account (`login-fail-account`)',
    ],
    example: { email: 'climber@example.com', password: 'granite-ridge-at-dawn', useCookie: true },
  })
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
  @ApiDoc({
    summary: 'Rotate the refresh token and get a new access token',
    description:
      'API clients send `{ refreshToken }`. Browsers send an empty body with the httpOnly `__Host-rt` cookie, the header `X-CSRF: 1` and (if any) an allowed `Origin`; the new refresh token replaces the cookie. Each refresh token works once: presenting a used one ends the whole session (`AUTH_REFRESH_REUSED`). A failed cookie refresh clears the cookie.',
    errors: [AuthErrors.refreshInvalid, AuthErrors.refreshReused, AuthErrors.csrfFailed],
    example: { refreshToken: 'Yx2kq9…', useCookie: false },
  })
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
  @ApiDoc({
    summary: 'Sign out this session',
    description: 'Ends the session of the access token and clears the `__Host-rt` cookie.',
    errors: [],
  })
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
  @ApiDoc({
    summary: 'Sign out every session of my account',
    description: 'Ends every session, this one included, and clears the `__Host-rt` cookie.',
    errors: [],
  })
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
  @ApiDoc({
    summary: 'List my active sessions',
    description: '`current` marks the session of this access token.',
    errors: [],
  })
  sessions(@CurrentPrincipal() principal: Principal): Promise<SessionDto[]> {
    return this.auth.listSessions(principal);
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse()
  @UseGuards(JwtAuthGuard)
  @ApiDoc({
    summary: 'End one of my sessions',
    errors: [AuthErrors.sessionNotFound],
  })
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
