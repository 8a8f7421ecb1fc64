import { AppError } from './app-error';
import { assertSafeInput, findUnsafeInput, MAX_INPUT_DEPTH } from './input-rules';

function nested(depth: number): unknown {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

describe('input rules', () => {
  it('accepts ordinary text, emoji, numbers and shallow nesting', () => {
    expect(
      findUnsafeInput({ text: '안녕 👋\n\ttab', n: 1, ok: true, none: null, ids: ['a', 'b'] }),
    ).toBeNull();
    expect(findUnsafeInput(nested(MAX_INPUT_DEPTH - 1))).toBeNull();
    expect(findUnsafeInput(undefined)).toBeNull();
  });

  it.each([
    ['U+0000 in a value', { room: { text: 'a\u0000b' } }, 'room.text', 'nullCharacter'],
    ['U+0000 in a key', { 'a\u0000': 1 }, 'a\u0000', 'nullCharacter'],
    ['a lone high surrogate', { email: 'a\ud800@x.io' }, 'email', 'unpairedSurrogate'],
    ['a lone low surrogate', { list: ['ok', '\udc00'] }, 'list.1', 'unpairedSurrogate'],
    ['a bare string', 'x\u0000', '', 'nullCharacter'],
  ])('finds %s', (_name, value, field, code) => {
    expect(findUnsafeInput(value)).toEqual(expect.objectContaining({ field, code }));
  });

  it('refuses nesting past the bound without walking it all', () => {
    expect(findUnsafeInput(nested(2000))).toEqual(expect.objectContaining({ code: 'tooDeep' }));
    expect(findUnsafeInput(nested(MAX_INPUT_DEPTH + 1))?.code).toBe('tooDeep');
  });

  it('throws a 400 validation error naming the field', () => {
    let thrown: unknown;
    try {
      assertSafeInput('a\u0000', 'id');
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).status).toBe(400);
    expect((thrown as AppError).code).toBe('COMMON_VALIDATION_FAILED');
    expect((thrown as AppError).errors).toEqual([
      expect.objectContaining({ field: 'id', code: 'nullCharacter' }),
    ]);
  });
});
