import document from './realtime/asyncapi.json';

/**
 * The AsyncAPI 3 document of the Socket.IO API, generated from the event maps in `realtime/`
 * (`pnpm gen:api`; `check:openapi` fails when it is stale). The API serves it at
 * `/api/docs/asyncapi.json`.
 */
export const asyncApiDocument: AsyncApiDocument = document as AsyncApiDocument;

/** The parts of the document its readers rely on. */
export interface AsyncApiDocument {
  asyncapi: string;
  info: { title: string; version: string; description: string };
  channels: Record<
    string,
    {
      address: string;
      description: string;
      messages: Record<
        string,
        { name: string; title: string; summary?: string; payload: Record<string, unknown> }
      >;
    }
  >;
  operations: Record<
    string,
    {
      action: 'send' | 'receive';
      channel: { $ref: string };
      title: string;
      summary?: string;
      messages: { $ref: string }[];
      reply?: { channel: { $ref: string }; messages: { $ref: string }[] };
    }
  >;
  components: { schemas: Record<string, Record<string, unknown>> };
}
