import { Module } from '@nestjs/common';
import { UserModule } from '../../user';
import { AuthModule } from '../auth.module';
import { OAuthAccountFollowup } from './oauth-account.followup';
import { OAuthFlowStore } from './oauth-flow.store';
import { OAuthController } from './oauth.controller';
import { OAuthService } from './oauth.service';
import { GitHubProvider } from './providers/github.provider';
import { GoogleProvider } from './providers/google.provider';
import { OAUTH_PROVIDER_LIST } from './providers/oauth-provider';

@Module({
  imports: [AuthModule, UserModule],
  controllers: [OAuthController],
  providers: [
    OAuthService,
    OAuthAccountFollowup,
    OAuthFlowStore,
    GitHubProvider,
    GoogleProvider,
    {
      provide: OAUTH_PROVIDER_LIST,
      inject: [GitHubProvider, GoogleProvider],
      useFactory: (...providers: unknown[]) => providers,
    },
  ],
  exports: [OAuthService],
})
export class OAuthModule {}
