import { ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { validationFailed } from './problem';
import { memoizeValidationMetadata } from './validation-metadata';

memoizeValidationMetadata(getMetadataStorage());

/** Shared by HTTP and sockets: unknown fields are refused, not silently dropped. */
export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  stopAtFirstError: false,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => validationFailed(errors),
});
