import 'reflect-metadata';
import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { Expose } from 'class-transformer';
import { getMetadataStorage, IsOptional, IsString } from 'class-validator';
import * as oauthDtos from './modules/auth/oauth/dto/oauth.dto';
import * as accountDtos from './modules/auth/dto/account.dto';
import * as authDtos from './modules/auth/dto/auth.dto';
import * as createRoomDtos from './modules/chat/dto/create-room.dto';
import * as listMessagesDtos from './modules/chat/dto/list-messages.dto';
import * as listRoomsDtos from './modules/chat/dto/list-rooms.dto';
import * as postMessageDtos from './modules/chat/dto/post-message.dto';
import * as reactionDtos from './modules/chat/dto/reaction-params.dto';
import * as readRoomDtos from './modules/chat/dto/read-room.dto';
import * as mediaDtos from './modules/media/dto/media-query.dto';
import * as presenceDtos from './modules/user/dto/presence-get.dto';
import * as profileLinkDtos from './modules/user/dto/profile-link.dto';
import * as updateProfileDtos from './modules/user/dto/update-profile.dto';
import * as userPageDtos from './modules/user/dto/user-page.dto';
import { SendMessageDto } from './modules/chat/dto/post-message.dto';
import {
  createValidationPipe,
  OrgoValidationPipe,
  validationPipeOptions,
} from './infra/http/validation';

type Ctor = new () => object;

/** Every exported class of the DTO files that has class-validator rules. */
const dtoClasses: Ctor[] = [
  oauthDtos,
  accountDtos,
  authDtos,
  createRoomDtos,
  listMessagesDtos,
  listRoomsDtos,
  postMessageDtos,
  reactionDtos,
  readRoomDtos,
  mediaDtos,
  presenceDtos,
  profileLinkDtos,
  updateProfileDtos,
  userPageDtos,
]
  .flatMap((m) => Object.values(m))
  .filter(
    (v): v is Ctor =>
      typeof v === 'function' &&
      getMetadataStorage().getTargetValidationMetadatas(
        v,
        undefined as unknown as string,
        false,
        false,
      ).length > 0,
  );

/** The pipe of every route and event, as bootstrap creates it (PERF_VALIDATION_FAST_PATH on). */
const validationPipe = createValidationPipe(true);
/** The pipe exactly as Nest ships it, with the same options. */
const reference = new ValidationPipe(validationPipeOptions);

const UUID = '8d6f7b8e-1111-4111-8111-111111111111';
const candidates: unknown[] = [
  UUID,
  'not-a-uuid',
  'hello',
  '',
  '   ',
  'x'.repeat(5000),
  'a@b.co',
  'https://example.com/x',
  '2026-12-03T10:00:00.000Z',
  '10',
  '-1',
  'true',
  'group',
  'direct',
  '👍',
  42,
  0,
  -3,
  1.5,
  true,
  false,
  null,
  {},
  { nested: 1 },
  [],
  ['a'],
];

/** A small deterministic generator, so a failure names a payload that can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function payloadsFor(cls: Ctor, count: number): unknown[] {
  const names = [
    ...new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(cls, undefined as unknown as string, false, false)
        .map((m) => m.propertyName),
    ),
  ];
  const rand = rng(names.join(',').length * 7919 + names.length);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const out: unknown[] = [undefined, null, 'text', 42, [], {}];
  for (let i = 0; i < count; i++) {
    const p: Record<string, unknown> = {};
    for (const n of names) if (rand() < 0.8) p[n] = pick(candidates);
    if (rand() < 0.1) {
      // An own key even for "__proto__", as JSON.parse makes it.
      const key = pick(['extra', 'senderId', '__proto__', 'constructor']);
      Object.defineProperty(p, key, { value: pick(candidates), enumerable: true, writable: true });
    }
    out.push(p);
  }
  return out;
}

async function outcome(pipe: ValidationPipe, value: unknown, metadata: ArgumentMetadata) {
  try {
    // As a socket or an HTTP body delivers it: parsed JSON.
    const parsed: unknown = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
    const v = (await pipe.transform(parsed, metadata)) as unknown;
    return {
      ok: v,
      proto: v && typeof v === 'object' ? Object.getPrototypeOf(v) : null,
      keys: v && typeof v === 'object' ? Object.keys(v) : null,
    };
  } catch (err) {
    return { error: JSON.parse(JSON.stringify(err)) as unknown };
  }
}

describe('OrgoValidationPipe fast path', () => {
  it('covers the DTOs', () => {
    expect(dtoClasses.length).toBeGreaterThanOrEqual(15);
    expect(dtoClasses).toContain(SendMessageDto);
  });

  it('answers exactly like Nest ValidationPipe for every DTO and many payloads', async () => {
    const superTransform = jest.spyOn(ValidationPipe.prototype, 'transform');
    let total = 0;
    let accepted = 0;
    let rejected = 0;
    for (const cls of dtoClasses) {
      for (const type of ['body', 'query', 'param'] as const) {
        const metadata: ArgumentMetadata = { type, metatype: cls, data: undefined };
        for (const payload of payloadsFor(cls, 100)) {
          const [fast, slow] = [
            await outcome(validationPipe, payload, metadata),
            await outcome(reference, payload, metadata),
          ];
          expect({ cls: cls.name, payload, fast }).toEqual({ cls: cls.name, payload, fast: slow });
          total++;
          if ('ok' in slow) accepted++;
          else rejected++;
        }
      }
    }
    // Both answers occur often enough for the comparison to mean something.
    expect(accepted).toBeGreaterThan(100);
    expect(rejected).toBeGreaterThan(1000);
    // The reference pipe calls the base transform once per payload; the fast pipe only when its
    // plan did not accept, so the difference is the number of fast acceptances.
    const fastAccepted = 2 * total - superTransform.mock.calls.length;
    expect(fastAccepted).toBeGreaterThan(accepted / 2);
    superTransform.mockRestore();
  });

  it('refuses a message with neither text nor an image (a null imageId is no image)', async () => {
    for (const pipe of [validationPipe, reference]) {
      await expect(
        pipe.transform(
          { roomId: UUID, clientMessageId: UUID, imageId: null },
          { type: 'body', metatype: SendMessageDto },
        ),
      ).rejects.toMatchObject({ code: 'COMMON_VALIDATION_FAILED' });
    }
  });

  it('answers like Nest ValidationPipe for classes whose instances differ from the payload', async () => {
    class WithDefault {
      @IsString()
      name: string;

      // Not validated: the whitelist refuses the key the initialiser puts on every instance.
      origin = 'server';
    }
    class WithGetter {
      @IsOptional()
      @IsString()
      get label(): string {
        return 'fixed';
      }
    }
    class WithExposed {
      @IsString()
      name: string;

      @Expose()
      extra?: string;
    }
    for (const metatype of [WithDefault, WithGetter, WithExposed]) {
      for (const payload of [{ name: 'a' }, { label: 'b' }, {}]) {
        const metadata: ArgumentMetadata = { type: 'body', metatype };
        expect([metatype.name, payload, await outcome(validationPipe, payload, metadata)]).toEqual([
          metatype.name,
          payload,
          await outcome(reference, payload, metadata),
        ]);
      }
    }
  });

  it('accepts a socket message without class-transformer or the validation executor', async () => {
    const pipe = new OrgoValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
    });
    const base = jest.spyOn(ValidationPipe.prototype, 'transform');
    const dto = await pipe.transform(
      { roomId: UUID, clientMessageId: UUID, text: 'hi' },
      { type: 'body', metatype: SendMessageDto },
    );
    expect(dto).toBeInstanceOf(SendMessageDto);
    expect(dto).toEqual({ roomId: UUID, clientMessageId: UUID, text: 'hi' });
    expect(base).not.toHaveBeenCalled();
    // A refusal is left to the full pipe, for its exact errors.
    await expect(
      pipe.transform(
        { roomId: UUID, clientMessageId: UUID, text: ' ' },
        {
          type: 'body',
          metatype: SendMessageDto,
        },
      ),
    ).rejects.toBeDefined();
    expect(base).toHaveBeenCalledTimes(1);
    base.mockRestore();
  });

  it('with PERF_VALIDATION_FAST_PATH off, sends every payload through Nest ValidationPipe', async () => {
    const off = createValidationPipe(false);
    const base = jest.spyOn(ValidationPipe.prototype, 'transform');
    let total = 0;
    for (const cls of dtoClasses) {
      const metadata: ArgumentMetadata = { type: 'body', metatype: cls, data: undefined };
      for (const payload of payloadsFor(cls, 10)) {
        const [plain, slow] = [
          await outcome(off, payload, metadata),
          await outcome(reference, payload, metadata),
        ];
        expect({ cls: cls.name, payload, plain }).toEqual({ cls: cls.name, payload, plain: slow });
        total++;
      }
    }
    expect(base).toHaveBeenCalledTimes(2 * total);
    base.mockRestore();
    // Path parameters still obey the input rules, which are not part of the fast path.
    await expect(
      off.transform('a\u0000b', { type: 'param', metatype: String, data: 'id' }),
    ).rejects.toMatchObject({ code: 'COMMON_VALIDATION_FAILED' });
  });

  it('leaves other options to the full pipe', async () => {
    const pipe = new OrgoValidationPipe({ transform: true });
    const base = jest.spyOn(ValidationPipe.prototype, 'transform');
    await pipe.transform(
      { roomId: UUID, clientMessageId: UUID, text: 'hi' },
      { type: 'body', metatype: SendMessageDto },
    );
    expect(base).toHaveBeenCalledTimes(1);
    base.mockRestore();
  });
});
