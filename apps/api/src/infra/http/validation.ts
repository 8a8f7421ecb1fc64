import { ArgumentMetadata, ValidationPipe, ValidationPipeOptions } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { assertSafeInput } from './input-rules';
import { validationFailed } from './problem';
import { memoizeValidationMetadata, metadataGeneration } from './validation-metadata';
import { planValidation, ValidationPlan } from './validation-plan';

/**
 * Installs what the validation fast path needs on class-validator's shared metadata storage:
 * the memoized rule lookup (validation-metadata.ts), whose registration counter tells
 * OrgoValidationPipe when to plan again. Idempotent; done by the fast-path pipe's constructor,
 * so with PERF_VALIDATION_FAST_PATH off class-validator is left untouched.
 */
export function installValidationFastPath(): void {
  memoizeValidationMetadata(getMetadataStorage());
}

/**
 * The pipe of every route and gateway event (shared by HTTP and sockets), created at bootstrap:
 * with the fast path (installed by this call), or as Nest's ValidationPipe plus the input rules
 * for path parameters.
 */
export function createValidationPipe(fastPath: boolean): OrgoValidationPipe {
  return new OrgoValidationPipe(validationPipeOptions, { fastPath });
}

/**
 * Nest's ValidationPipe with the input rules for path parameters and, when `fastPath` is set
 * (the default; the constructor installs it), a fast accept path (validation-plan.ts) in front:
 * a plain payload that passes the class's own class-validator rules skips class-transformer and
 * the validation executor; everything else, and every error, goes through the full pipe.
 */
export class OrgoValidationPipe extends ValidationPipe {
  private plans = new WeakMap<object, ValidationPlan | null>();
  private plansGeneration = -1;
  private readonly plannable: boolean;

  constructor(options: ValidationPipeOptions, { fastPath = true }: { fastPath?: boolean } = {}) {
    super(options);
    const o = options;
    // The plan mirrors these options only: anything else goes through the full pipe.
    this.plannable =
      fastPath &&
      o.transform === true &&
      o.whitelist === true &&
      o.forbidNonWhitelisted === true &&
      !o.transformOptions &&
      !o.groups &&
      !o.always &&
      !o.strictGroups &&
      !o.skipMissingProperties &&
      !o.skipNullProperties &&
      !o.skipUndefinedProperties &&
      !o.expectedType;
    if (this.plannable) installValidationFastPath();
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Bodies and query strings are checked as they arrive (HTTP middleware, socket dispatch).
    if (metadata.type === 'param') assertSafeInput(value, metadata.data);
    const metatype = metadata.metatype as (new () => object) | undefined;
    if (this.plannable && metatype && this.toValidate(metadata)) {
      const storage = getMetadataStorage();
      const generation = metadataGeneration(storage);
      if (generation !== this.plansGeneration) {
        // A rule registered since the plans were made: make them again.
        this.plans = new WeakMap();
        this.plansGeneration = generation;
      }
      let plan = this.plans.get(metatype);
      if (plan === undefined) {
        plan = planValidation(storage, metatype);
        this.plans.set(metatype, plan);
      }
      const accepted = plan?.(value);
      if (accepted) return accepted;
    }
    return super.transform(value, metadata);
  }
}

/** Shared by HTTP and sockets: unknown fields are refused, not silently dropped. */
export const validationPipeOptions: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  stopAtFirstError: false,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => validationFailed(errors),
};
