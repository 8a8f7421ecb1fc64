import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Redirect,
  Req,
  Res,
} from '@nestjs/common';
import { ApiFoundResponse, ApiOkResponse, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { CookieOptions, Request, Response } from 'express';
import { AppConfig } from '../../../config/app.config';
import { ApiDoc } from '../../../infra/http/api-doc';
import type { ClientMeta } from '../auth.service';
import { AuthTokensDto } from '../dto/auth.dto';
import { deliverTokens } from '../refresh-cookie';
import { AuthProvidersDto, OAuthExchangeDto } from './dto/oauth.dto';
import { OAuthErrors } from './oauth.errors';
import { OAuthLimits } from './oauth.service';
import { OAUTH_FLOW_TTL_SEC, OAuthService, type CallbackQuery } from './oauth.service';

/** Binds a sign-in to the browser that started it (login-CSRF defence); Lax so the provider's redirect carries it. */
export const OAUTH_FLOW_COOKIE = '__Host-oauth';

const providerParam = { name: 'provider', enum: ['github', 'google'] };

@ApiTags('auth')
@Controller('auth')
export class OAuthController {
  constructor(
    @Inject(OAuthService) private readonly oauth: OAuthService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  @Get('providers')
  @ApiOkResponse({ type: AuthProvidersDto })
  @ApiDoc({
    summary: 'Which social sign-in providers are configured',
    errors: [],
  })
  providers(): AuthProvidersDto {
    return this.oauth.availability();
  }

  @Get('oauth/:provider/start')
  @Redirect()
  @ApiParam(providerParam)
  @ApiFoundResponse({ description: 'To the provider, or to /login?error=<code> of the SPA.' })
  @ApiDoc({
    summary: 'Start social sign-in (browser navigation)',
    description:
      'Redirects to the provider and sets the short-lived `__Host-oauth` cookie that binds the sign-in to this browser. Open it as a page, not with fetch.',
    errors: [OAuthErrors.providerUnavailable],
    limits: [OAuthLimits.startPerIp],
  })
  async start(
    @Param('provider') provider: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ url: string }> {
    const { url, binding } = await this.oauth.start(provider, meta(req));
    if (binding)
      res.cookie(OAUTH_FLOW_COOKIE, binding, {
        ...this.cookieOptions(),
        maxAge: OAUTH_FLOW_TTL_SEC * 1000,
      });
    return { url };
  }

  @Get('oauth/:provider/callback')
  @Redirect()
  @ApiParam(providerParam)
  @ApiQuery({ name: 'code', required: false, type: String })
  @ApiQuery({ name: 'state', required: false, type: String })
  @ApiQuery({ name: 'error', required: false, type: String })
  @ApiFoundResponse({
    description: 'To /auth/callback#code=<one-time code> of the SPA, or to /login?error=<code>.',
  })
  @ApiDoc({
    summary: 'Social sign-in callback (the provider redirects here)',
    description:
      'Redirects to the SPA at `/auth/callback#code=<one-time code>` (trade it at `POST /api/auth/oauth/exchange`), or to `/login?error=<code>` with one of the codes below when the sign-in fails.',
    errors: [
      OAuthErrors.providerUnavailable,
      OAuthErrors.stateInvalid,
      OAuthErrors.denied,
      OAuthErrors.providerError,
      OAuthErrors.idTokenInvalid,
      OAuthErrors.emailUnverified,
      OAuthErrors.linkRequiresVerified,
    ],
  })
  async callback(
    @Param('provider') provider: string,
    @Query() query: CallbackQuery,
    @Req() req: Request,
  ): Promise<{ url: string }> {
    return { url: await this.oauth.callback(provider, query, flowCookie(req)) };
  }

  @Post('oauth/exchange')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthTokensDto })
  @ApiDoc({
    summary: 'Trade the one-time social sign-in code for tokens',
    description:
      'Answers like login. The code is single use, short-lived and works only in the browser that started the sign-in (the `__Host-oauth` cookie); with `useCookie: true` the refresh token goes into the `__Host-rt` cookie.',
    errors: [OAuthErrors.codeInvalid],
    example: { code: 'Qm9vdHN0cmFw…', useCookie: true },
  })
  async exchange(
    @Body() dto: OAuthExchangeDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuthTokensDto> {
    const binding = flowCookie(req);
    res.clearCookie(OAUTH_FLOW_COOKIE, this.cookieOptions());
    const tokens = await this.oauth.exchange(dto.code, binding, meta(req));
    return deliverTokens(tokens, dto.useCookie, res, this.config);
  }

  private cookieOptions(): CookieOptions {
    return { httpOnly: true, secure: this.config.env.COOKIE_SECURE, sameSite: 'lax', path: '/' };
  }
}

function flowCookie(req: Request): string | undefined {
  return (req.cookies as Record<string, string> | undefined)?.[OAUTH_FLOW_COOKIE];
}

function meta(req: Request): ClientMeta {
  return { ip: req.ip ?? null, userAgent: req.header('user-agent')?.slice(0, 512) ?? null };
}
