import { DynamicModule, Module, type ModuleMetadata, type Type } from '@nestjs/common';
import { SessionVerifier } from './session-verifier';

/**
 * Makes the guards usable from every module: binds the SessionVerifier they depend on to the
 * implementation of the module that owns sessions (the auth module), given by the app's root so
 * that infra never imports a module.
 */
@Module({})
export class AuthGuardsModule {
  static forRoot(options: {
    imports: ModuleMetadata['imports'];
    verifier: Type<SessionVerifier>;
  }): DynamicModule {
    return {
      module: AuthGuardsModule,
      global: true,
      imports: options.imports,
      providers: [{ provide: SessionVerifier, useExisting: options.verifier }],
      exports: [SessionVerifier],
    };
  }
}
