import { ArgumentsHost, Catch, Logger, WsExceptionFilter } from '@nestjs/common';
import type { Ack } from '@orgo/contracts';
import { AppError } from '../http/app-error';
import { toProblem, type Problem } from '../http/problem';

/** The failed ack of a problem: the same code and message as over HTTP, `Retry-After` included. */
export function ackFailure({ body, headers }: Problem): Ack<never> {
  const retryAfterSec = Number(headers['Retry-After']);
  return {
    ok: false,
    error: {
      code: body.code,
      message: body.message,
      ...(body.errors ? { errors: body.errors } : {}),
      ...(retryAfterSec > 0 ? { retryAfterSec } : {}),
    },
  };
}

/** Socket errors answer through the event's ack with the same code/message as HTTP problems. */
@Catch()
export class SocketAckFilter implements WsExceptionFilter {
  private readonly logger = new Logger('WS');

  catch(exception: unknown, host: ArgumentsHost): void {
    const problem = toProblem(exception);
    const { body } = problem;
    if (body.status === 503) {
      if (!(exception instanceof AppError))
        this.logger.warn({ err: exception }, 'dependency unavailable');
    } else if (body.status >= 500) {
      this.logger.error({ err: exception }, 'socket handler failed');
    }
    const ack = host.getArgs().find((a): a is (res: Ack<never>) => void => typeof a === 'function');
    ack?.(ackFailure(problem));
  }
}
