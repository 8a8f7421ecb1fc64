import { TransformationType } from 'class-transformer';
// class-transformer keeps its decorator metadata here; the package exports no accessor for it.
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { MetadataStorage, ValidationTypes, ValidatorConstraintInterface } from 'class-validator';

/**
 * Accepts a payload that the class's class-validator rules accept, and returns the instance the
 * ValidationPipe would return; `undefined` means "ask the ValidationPipe" (which then accepts or
 * answers the precise errors). See `planValidation`.
 */
export type ValidationPlan = (value: unknown) => object | undefined;

interface Check {
  validator: ValidatorConstraintInterface;
  constraints: unknown[];
  validateIf?: (object: object, value: unknown) => boolean;
}

interface PropertyPlan {
  name: string;
  conditions: ((object: object, value: unknown) => boolean)[];
  checks: Check[];
}

/**
 * A fast accept path for the common case of a DTO validation: a plain object of primitive values
 * whose keys are all declared. It calls the very validators class-validator would call (the
 * constraint instances its decorators registered, with the same arguments), honours
 * `@IsOptional`/`@ValidateIf` the way class-validator does, and builds the instance as
 * class-transformer would (`new Class()` plus the own keys). Anything else returns `undefined`:
 * a key that is not declared, a nested value, a rule that fails, an async rule, `each`, groups,
 * or a class with class-transformer decorators. The caller then runs the full pipe, so errors
 * and every unusual case keep the library's exact behaviour.
 *
 * Returns null when the class cannot be planned (no rules, or a rule kind not covered here).
 */
export function planValidation(
  storage: MetadataStorage,
  target: new () => object,
): ValidationPlan | null {
  // The call ValidationExecutor makes for options without groups, `always` or `strictGroups`.
  const metadatas = storage.getTargetValidationMetadatas(
    target,
    undefined as unknown as string,
    false,
    false,
    undefined,
  );
  if (metadatas.length === 0) return null;
  if (defaultMetadataStorage.getStrategy(target) !== 'none') return null;
  // class-transformer would add exposed properties the payload does not have.
  if (defaultMetadataStorage.getExposedMetadatas(target).length > 0) return null;
  const byName = new Map<string, PropertyPlan>();
  for (const m of metadatas) {
    if (m.groups?.length || m.always || m.each) return null;
    const name = m.propertyName;
    if (
      defaultMetadataStorage.findTypeMetadata(target, name) ||
      defaultMetadataStorage.findExposeMetadata(target, name) ||
      defaultMetadataStorage.findExcludeMetadata(target, name) ||
      defaultMetadataStorage.findTransformMetadatas(target, name, TransformationType.PLAIN_TO_CLASS)
        .length
    )
      return null;
    let plan = byName.get(name);
    if (!plan) byName.set(name, (plan = { name, conditions: [], checks: [] }));
    if (m.type === ValidationTypes.CONDITIONAL_VALIDATION) {
      plan.conditions.push(m.constraints[0] as PropertyPlan['conditions'][number]);
    } else if (m.type === ValidationTypes.CUSTOM_VALIDATION) {
      for (const c of storage.getTargetValidatorConstraints(m.constraintCls)) {
        if (c.async) return null;
        plan.checks.push({
          validator: c.instance,
          constraints: m.constraints,
          validateIf: m.validateIf,
        });
      }
    } else if (m.type !== ValidationTypes.WHITELIST) {
      return null; // nested, promise or isDefined rules: the full pipe handles them
    }
  }
  const properties = [...byName.values()];
  const targetName = target.name;

  return (value) => {
    if (typeof value !== 'object' || value === null) return undefined;
    if (Object.getPrototypeOf(value) !== Object.prototype) return undefined;
    const plain = value as Record<string, unknown>;
    for (const key of Object.keys(plain)) {
      const v = plain[key];
      const t = typeof v;
      if (v !== null && t !== 'string' && t !== 'number' && t !== 'boolean') return undefined;
    }
    let entity: Record<string, unknown>;
    try {
      entity = Object.assign(new target(), plain) as Record<string, unknown>;
    } catch {
      return undefined; // e.g. a key that is a getter of the class
    }
    // The whitelist, on the instance as class-validator sees it (field initialisers included).
    for (const key of Object.keys(entity)) if (!byName.has(key)) return undefined;
    for (const p of properties) {
      const v = entity[p.name];
      let applies = true;
      for (const condition of p.conditions) applies = condition(entity, v) && applies;
      if (!applies) continue;
      for (const check of p.checks) {
        if (check.validateIf && !check.validateIf(entity, v)) continue;
        const ok = check.validator.validate(v, {
          targetName,
          property: p.name,
          object: entity,
          value: v,
          constraints: check.constraints,
        });
        if (ok !== true) return undefined;
      }
    }
    return entity;
  };
}
