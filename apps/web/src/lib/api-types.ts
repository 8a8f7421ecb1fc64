import type { components, paths } from '@orgo/contracts/http/openapi';

export type { paths };
export type Schemas = components['schemas'];
export type AuthTokens = Schemas['AuthTokensDto'];
export type Me = Schemas['MeDto'];
export type Session = Schemas['SessionDto'];
