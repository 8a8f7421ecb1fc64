import { Injectable } from '@nestjs/common';

/** Set on SIGTERM/SIGINT: readiness answers 503 from then on while in-flight work finishes. */
@Injectable()
export class DrainState {
  draining = false;
}
