import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppError } from './app-error';
import { toProblem } from './problem';

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const req = host.switchToHttp().getRequest<Request & { id?: string }>();
    const res = host.switchToHttp().getResponse<Response>();
    const requestId = req.id?.toString();
    const { body, headers } = toProblem(exception, requestId);
    // The err serializer (log-serializers.ts) keeps SQL parameters out of these lines. A 503 the
    // API chose (AppError) is in the access log already; one from a failing dependency is logged.
    if (body.status === 503) {
      if (!(exception instanceof AppError))
        this.logger.warn({ err: exception, requestId }, 'dependency unavailable');
    } else if (body.status >= 500) {
      this.logger.error({ err: exception, requestId }, 'request failed');
    }
    if (res.headersSent) return;
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    res.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }
}
