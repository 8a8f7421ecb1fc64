// The auth module's public surface: other modules import from here, never from a deeper file.
// The guards, `Principal` and its decorators are in infra/auth, usable without this module.
export { AuthErrors } from './auth.errors';
export * from './auth.events';
export { AuthModule } from './auth.module';
export { AuthService } from './auth.service';
export { OAuthModule } from './oauth/oauth.module';
