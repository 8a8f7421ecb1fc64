import { ArgumentsHost, Catch, Logger, WsExceptionFilter } from '@nestjs/common';
import type { Ack } from '@orgo/contracts';
import { AppError } from '../http/app-error';
import { toProblem } from '../http/problem';

/** Socket errors answer through the event's ack with the same code/message as HTTP problems. */
@Catch()
export class SocketAckFilter implements WsExceptionFilter {
  private readonly logger = new Logger('WS');

  catch(exception: unknown, host: ArgumentsHost): void {
    const { body } = toProblem(exception);
    if (body.status === 503) {
      if (!(exception instanceof AppError))
        this.logger.warn({ err: exception }, 'dependency unavailable');
    } else if (body.status >= 500) {
      this.logger.error({ err: exception }, 'socket handler failed');
    }
    const ack = host.getArgs().find((a): a is (res: Ack<never>) => void => typeof a === 'function');
    ack?.({
      ok: false,
      error: {
        code: body.code,
        message: body.message,
        ...(body.errors ? { errors: body.errors } : {}),
      },
    });
  }
}
