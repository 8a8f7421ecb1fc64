import { applyDecorators, type Type } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import busboy from 'busboy';
import type { Request } from 'express';
import { PassThrough, Readable } from 'node:stream';
import { AppError } from './app-error';

export interface SingleFileOptions {
  /** The form field that carries the file. */
  field: string;
  maxBytes: number;
  /** The error for a file (or a declared body) over maxBytes. */
  tooLarge: () => Error;
}

// Room for boundaries and part headers when judging Content-Length against the file limit.
const MULTIPART_OVERHEAD = 16 * 1024;
// After a refusal the rest of the body is read and dropped (so the client sees the answer),
// but only up to this much; a client that keeps sending past it is disconnected.
const DRAIN_LIMIT = 32 * 1024 * 1024;

function badForm(field: string, message: string): AppError {
  return new AppError('COMMON_VALIDATION_FAILED', 400, message, [
    { field, code: 'multipart', message },
  ]);
}

/**
 * Documents an operation whose body is one multipart/form-data file part: `body` is a DTO with
 * that one (binary) property. Its handler reads the part with singleFileUpload.
 */
export function ApiFileBody(body: Type<unknown>): MethodDecorator {
  return applyDecorators(ApiConsumes('multipart/form-data'), ApiBody({ type: body }));
}

/**
 * The single file part of a multipart/form-data request as a stream. It fails as soon as the file
 * passes maxBytes (nothing beyond the limit is read into memory), and it ends only after the whole
 * request was read and found to hold exactly that one part, so a consumer that stores on 'end'
 * never stores a file from a request that turns out to be malformed.
 */
export function singleFileUpload(req: Request, opts: SingleFileOptions): Readable {
  const out = new PassThrough();
  // The reader may still be awaiting something else (a rate limit) when this fails; it sees the
  // error when it starts reading (stream.errored), so an early error must not crash the process.
  out.on('error', () => undefined);
  const fail = (err: Error) => process.nextTick(() => out.destroy(err));

  if (!req.is('multipart/form-data')) {
    fail(badForm(opts.field, `Send the file as multipart/form-data in the "${opts.field}" field.`));
    return out;
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > opts.maxBytes + MULTIPART_OVERHEAD) {
    fail(opts.tooLarge());
    return out;
  }

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      limits: {
        files: 1,
        fields: 0,
        parts: 2,
        fileSize: opts.maxBytes,
        headerPairs: 16,
        fieldNameSize: 100,
      },
    });
  } catch {
    fail(badForm(opts.field, 'The multipart body is malformed.'));
    return out;
  }

  let settled = false;
  let hasFile = false;
  const stop = (err: Error) => {
    if (settled) return;
    settled = true;
    req.unpipe(parser);
    parser.removeAllListeners();
    parser.on('error', () => undefined);
    drain(req);
    out.destroy(err);
  };

  parser.on('file', (name, file) => {
    if (name !== opts.field) {
      file.resume();
      return stop(badForm(opts.field, `Unexpected field "${name}"; send only "${opts.field}".`));
    }
    hasFile = true;
    file.on('limit', () => stop(opts.tooLarge()));
    file.on('error', (err: Error) => stop(err));
    file.pipe(out, { end: false });
  });
  const tooManyParts = () =>
    stop(badForm(opts.field, `Send exactly one part, the "${opts.field}" file.`));
  parser.on('field', tooManyParts);
  parser.on('fieldsLimit', tooManyParts);
  parser.on('filesLimit', tooManyParts);
  parser.on('error', () => stop(badForm(opts.field, 'The multipart body is malformed.')));
  parser.on('close', () => {
    if (settled) return;
    if (!hasFile) return stop(badForm(opts.field, `The "${opts.field}" file is missing.`));
    settled = true;
    out.end();
  });
  req.on('aborted', () =>
    stop(new AppError('COMMON_VALIDATION_FAILED', 400, 'The upload was interrupted.')),
  );
  // The consumer gave up (a rule failed before the end): stop reading the request.
  out.on('close', () => {
    if (!out.writableFinished) stop(new Error('upload consumer closed early'));
  });
  req.pipe(parser);
  return out;
}

function drain(req: Request): void {
  if (req.readableEnded || req.destroyed) return;
  let seen = 0;
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > DRAIN_LIMIT) req.socket.destroy();
  });
  req.resume();
}
