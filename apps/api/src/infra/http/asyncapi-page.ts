import type { NestExpressApplication } from '@nestjs/platform-express';
import { asyncApiDocument, type AsyncApiDocument } from '@orgo/contracts';
import type { Express, Request, Response } from 'express';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** `code` spans of the contracts' doc comments, everything else escaped text. */
const prose = (text: string): string =>
  escape(text).replace(/`([^`]+)`/g, (_, code: string) => `<code>${code}</code>`);

/** A schema as indented JSON, each `$ref` a link to its schema on the page. */
function schemaHtml(schema: unknown): string {
  return escape(JSON.stringify(schema, null, 2)).replace(
    /&quot;#\/components\/schemas\/([A-Za-z0-9_]+)&quot;/g,
    (_, name: string) => `&quot;<a href="#schema-${name}">#/components/schemas/${name}</a>&quot;`,
  );
}

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:980px;padding:24px;color:#1d2330}
h1{font-size:26px}h2{margin-top:40px;border-bottom:1px solid #d8dce4;padding-bottom:4px}
h3{font-size:16px;margin:24px 0 4px}
code,pre{font:13px/1.45 ui-monospace,monospace}pre{background:#f4f6f9;padding:10px;overflow:auto;border-radius:6px}
.dir{display:inline-block;font-size:12px;padding:1px 8px;border-radius:10px;margin-right:6px;background:#e6ecf7}
.send{background:#e5f4ea}nav a{margin-right:12px}`;

/** A readable page of the AsyncAPI document: namespaces, events and payload schemas. */
export function renderAsyncApiPage(doc: AsyncApiDocument): string {
  const sections = Object.entries(doc.channels).map(([id, channel]) => {
    const ops = Object.values(doc.operations).filter(
      (op) => op.channel.$ref === `#/channels/${id}`,
    );
    const message = (ref: { $ref: string }) => channel.messages[ref.$ref.split('/').pop()!];
    const events = ops.map((op) => {
      const event = message(op.messages[0]);
      const fromClient = op.action === 'receive';
      const ack = op.reply ? message(op.reply.messages[0]) : null;
      return `<h3 id="${escape(`${id}-${fromClient ? 'client' : 'server'}-${event.name}`)}">
<span class="dir${fromClient ? '' : ' send'}">${fromClient ? 'client → server' : 'server → client'}</span><code>${escape(event.name)}</code></h3>
${op.summary ? `<p>${prose(op.summary)}</p>` : ''}
<div>Payload</div><pre>${schemaHtml(event.payload)}</pre>
${ack ? `<div>Ack</div><pre>${schemaHtml(ack.payload)}</pre>` : ''}`;
    });
    return `<h2 id="ns-${escape(id)}">Namespace <code>${escape(channel.address)}</code></h2>
<p>${prose(channel.description)}</p>
${events.join('\n')}`;
  });
  const schemas = Object.entries(doc.components.schemas).map(
    ([name, schema]) =>
      `<h3 id="schema-${escape(name)}"><code>${escape(name)}</code></h3><pre>${schemaHtml(schema)}</pre>`,
  );
  const nav = Object.entries(doc.channels)
    .map(([id, c]) => `<a href="#ns-${escape(id)}"><code>${escape(c.address)}</code></a>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(doc.info.title)}</title><style>${STYLE}</style></head>
<body><h1>${escape(doc.info.title)} <small>${escape(doc.info.version)}</small></h1>
<p>AsyncAPI ${escape(doc.asyncapi)} · <a href="asyncapi.json">asyncapi.json</a> · <a href="../docs">REST API</a></p>
${doc.info.description
  .split('\n\n')
  .map((p) => `<p>${prose(p)}</p>`)
  .join('\n')}
<nav>${nav}<a href="#schemas">Schemas</a></nav>
${sections.join('\n')}
<h2 id="schemas">Schemas</h2>
${schemas.join('\n')}
</body></html>
`;
}

/** `/api/docs/asyncapi.json` and its readable page `/api/docs/asyncapi`. */
export function serveAsyncApi(app: NestExpressApplication, prefix: string): void {
  const page = renderAsyncApiPage(asyncApiDocument);
  const http = app.getHttpAdapter().getInstance() as Express;
  http.get(`/${prefix}/docs/asyncapi.json`, (_req: Request, res: Response) => {
    res.json(asyncApiDocument);
  });
  http.get(`/${prefix}/docs/asyncapi`, (_req: Request, res: Response) => {
    res.type('html').send(page);
  });
}
