import { PIPES_METADATA } from '@nestjs/common/constants';
import { AuthGateway } from './modules/auth/auth.gateway';
import { ChatGateway } from './modules/chat/chat.gateway';
import { UserGateway } from './modules/user/user.gateway';

/**
 * Nest 12 runs the global pipes (infra/http/configure-app.ts: `useGlobalPipes(...)`) on gateway
 * events too. A gateway or handler that also declares the validation pipe validates each payload
 * twice, which once cost the chat hot path ~5 % of the API's CPU (docs/benchmarks.md).
 */
describe('gateways rely on the global validation pipe', () => {
  it.each([
    ['ChatGateway', ChatGateway],
    ['UserGateway', UserGateway],
    ['AuthGateway', AuthGateway],
  ])('%s declares no pipes of its own', (_name, gateway) => {
    expect(Reflect.getMetadata(PIPES_METADATA, gateway)).toBeUndefined();
    const proto = gateway.prototype as unknown as Record<string, unknown>;
    for (const key of Object.getOwnPropertyNames(proto)) {
      if (key === 'constructor' || typeof proto[key] !== 'function') continue;
      expect([key, Reflect.getMetadata(PIPES_METADATA, proto[key] as object)]).toEqual([
        key,
        undefined,
      ]);
    }
  });
});
