import { IsInt, IsString, MaxLength, getMetadataStorage, validate } from 'class-validator';
import { memoizeValidationMetadata } from './validation-metadata';

describe('memoizeValidationMetadata', () => {
  memoizeValidationMetadata(getMetadataStorage());

  class Base {
    @IsString()
    name!: string;
  }
  class Child extends Base {
    @IsInt()
    age!: number;
  }

  it('answers a repeated lookup from the cache, inherited rules included', () => {
    const storage = getMetadataStorage();
    const first = storage.getTargetValidationMetadatas(Child, '', false, false);
    expect(first.map((m) => m.propertyName).sort()).toEqual(['age', 'name']);
    expect(storage.getTargetValidationMetadatas(Child, '', false, false)).toBe(first);
  });

  it('sees a rule registered after the first lookup', async () => {
    const bad = Object.assign(new Child(), { name: 'x'.repeat(20), age: 3 });
    expect(await validate(bad)).toEqual([]);
    MaxLength(10)(Base.prototype, 'name');
    const errors = await validate(bad);
    expect(errors.map((e) => Object.keys(e.constraints ?? {}))).toEqual([['maxLength']]);
  });

  it('leaves an object without a prototype to class-validator (which refuses it)', async () => {
    const bare = Object.create(null) as object;
    await expect((async () => validate(bare))()).rejects.toThrow(TypeError);
  });

  it('keeps options apart: groups select different rules', () => {
    class Grouped {
      @IsString({ groups: ['a'] })
      a!: string;
      @IsString({ groups: ['b'] })
      b!: string;
    }
    const storage = getMetadataStorage();
    const names = (groups: string[]) =>
      storage
        .getTargetValidationMetadatas(Grouped, '', false, false, groups)
        .map((m) => m.propertyName);
    expect(names(['a'])).toEqual(['a']);
    expect(names(['b'])).toEqual(['b']);
  });
});
