import { ValidationPipe } from '@nestjs/common';
import { validationFailed } from './problem';

/** Shared by HTTP and sockets: unknown fields are refused, not silently dropped. */
export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  stopAtFirstError: false,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => validationFailed(errors),
});
