import type { MetadataStorage } from 'class-validator';

type Lookup = MetadataStorage['getTargetValidationMetadatas'];

/**
 * class-validator looks a class's rules up on every validation by scanning every registered class
 * (for inherited rules). The rules only change while decorators run, so the answer is cached per
 * class and options, and any new registration clears the cache.
 */
export function memoizeValidationMetadata(storage: MetadataStorage): void {
  const marked = storage as MetadataStorage & { __orgoMemoized?: boolean };
  if (marked.__orgoMemoized) return;
  marked.__orgoMemoized = true;
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  let cache = new WeakMap<object, Map<string, ReturnType<Lookup>>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    // An object without a prototype has no constructor to key on.
    if (typeof target !== 'function') return lookup(target, schema, always, strictGroups, groups);
    let perTarget = cache.get(target);
    if (!perTarget) cache.set(target, (perTarget = new Map()));
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let found = perTarget.get(key);
    if (!found) perTarget.set(key, (found = lookup(target, schema, always, strictGroups, groups)));
    return found;
  };
  for (const name of [
    'addValidationMetadata',
    'addValidationSchema',
    'addConstraintMetadata',
  ] as const) {
    const original = storage[name].bind(storage) as (arg: never) => void;
    (storage[name] as (arg: never) => void) = (arg) => {
      cache = new WeakMap();
      generations.set(storage, metadataGeneration(storage) + 1);
      original(arg);
    };
  }
}

const generations = new WeakMap<MetadataStorage, number>();

/** Grows whenever a rule is registered after memoizeValidationMetadata: caches built on the rules compare it. */
export function metadataGeneration(storage: MetadataStorage): number {
  return generations.get(storage) ?? 0;
}
