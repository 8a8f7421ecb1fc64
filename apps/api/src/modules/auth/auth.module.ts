import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { AppConfig } from '../../config/app.config';
import { SOCKET_AUTHENTICATOR } from '../../infra/realtime/socket-auth';
import { UserModule } from '../user';
import { AccountController } from './account.controller';
import { AccountService } from './account.service';
import { AuthController } from './auth.controller';
import { AuthGateway } from './auth.gateway';
import { JWT_ALGORITHM } from './auth.policy';
import { AuthService } from './auth.service';
import { CredentialsController } from './credentials.controller';
import { EmailChangeController } from './email-change.controller';
import { EmailChangeService } from './email-change.service';
import { EmailVerificationService } from './email-verification.service';
import { PasswordService } from './password.service';
import { AuthSessionSubscriber } from './subscribers/auth-session.subscriber';

@Module({
  imports: [
    UserModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A key object, not the string: given a string, every verify first tries to read it as
        // a public key (and fails) before using it as the HMAC secret. Same key, same tokens.
        secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')),
        signOptions: {
          algorithm: JWT_ALGORITHM,
          expiresIn: config.env.ACCESS_TOKEN_TTL_SEC,
          issuer: config.env.JWT_ISSUER,
          audience: config.env.JWT_AUDIENCE,
        },
        verifyOptions: {
          algorithms: [JWT_ALGORITHM],
          issuer: config.env.JWT_ISSUER,
          audience: config.env.JWT_AUDIENCE,
        },
      }),
    }),
  ],
  controllers: [AuthController, CredentialsController, AccountController, EmailChangeController],
  providers: [
    AuthService,
    EmailVerificationService,
    EmailChangeService,
    PasswordService,
    AccountService,
    AuthSessionSubscriber,
    AuthGateway,
    { provide: SOCKET_AUTHENTICATOR, useExisting: AuthService },
  ],
  exports: [AuthService, SOCKET_AUTHENTICATOR],
})
export class AuthModule {}
