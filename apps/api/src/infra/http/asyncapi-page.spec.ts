import { asyncApiDocument } from '@orgo/contracts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { renderAsyncApiPage } from './asyncapi-page';

const realtime = join(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  '..',
  'libs',
  'contracts',
  'src',
  'realtime',
);

/**
 * Every event of every `<Ns>ServerEvents` / `<Ns>ClientEvents` interface in the contracts, read
 * from the source on its own (not by the generator), as `<ns>.<server|client>.<event>`.
 */
function contractEvents(): string[] {
  const events: string[] = [];
  for (const file of readdirSync(realtime).filter((f) => f.endsWith('.ts'))) {
    const source = ts.createSourceFile(
      file,
      readFileSync(join(realtime, file), 'utf8'),
      ts.ScriptTarget.ES2022,
    );
    for (const statement of source.statements) {
      if (!ts.isInterfaceDeclaration(statement)) continue;
      const match = /^([A-Z][a-z]*)(Server|Client)Events$/.exec(statement.name.text);
      if (!match) continue;
      for (const member of statement.members) {
        if (!member.name || !ts.isStringLiteral(member.name)) continue;
        events.push(`${match[1].toLowerCase()}.${match[2].toLowerCase()}.${member.name.text}`);
      }
    }
  }
  return events.sort();
}

const doc = asyncApiDocument;

describe('the AsyncAPI document and the contracts', () => {
  it('documents exactly the events of the contracts, in the namespaces they belong to', () => {
    const events = contractEvents();
    expect(events.length).toBeGreaterThan(10);
    expect(Object.keys(doc.operations).sort()).toEqual(events);
    for (const [id, op] of Object.entries(doc.operations)) {
      const [ns, , event] = id.split(/\.(client|server)\./);
      expect(op.channel.$ref).toBe(`#/channels/${ns}`);
      expect(doc.channels[ns].address).toBe(`/${ns}`);
      const message = doc.channels[ns].messages[op.messages[0].$ref.split('/').pop()!];
      expect(message.name).toBe(event);
    }
  });

  it('answers every client event with the ack shape and no server event', () => {
    for (const [id, op] of Object.entries(doc.operations)) {
      const fromClient = id.includes('.client.');
      expect(op.action).toBe(fromClient ? 'receive' : 'send');
      if (!fromClient) {
        expect(op.reply).toBeUndefined();
        continue;
      }
      const [ns] = id.split('.');
      const ack = doc.channels[ns].messages[op.reply!.messages[0].$ref.split('/').pop()!];
      const [success, failure] = (ack.payload as { oneOf: Record<string, unknown>[] }).oneOf;
      expect(success).toMatchObject({
        properties: { ok: { type: 'boolean', const: true } },
        required: ['ok', 'data'],
      });
      expect(failure).toEqual({ $ref: '#/components/schemas/AckFailure' });
    }
    expect(doc.components.schemas.AckFailure).toMatchObject({
      properties: {
        ok: { type: 'boolean', const: false },
        error: {
          properties: { code: { $ref: '#/components/schemas/ErrorCode' } },
          required: ['code', 'message'],
        },
      },
      required: ['ok', 'error'],
    });
  });

  it('resolves every schema reference', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const target = ref
        .split('/')
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], doc);
      expect([ref, target]).toEqual([ref, expect.anything()]);
    }
  });
});

describe('renderAsyncApiPage', () => {
  const page = renderAsyncApiPage(doc);

  it('lists every namespace, event and schema', () => {
    for (const channel of Object.values(doc.channels)) {
      expect(page).toContain(`<code>${channel.address}</code>`);
      for (const message of Object.values(channel.messages))
        expect(page).toContain(`<code>${message.name}</code>`);
    }
    for (const name of Object.keys(doc.components.schemas))
      expect(page).toContain(`id="schema-${name}"`);
  });

  it('escapes the text of the contracts and runs no script', () => {
    const hostile = {
      ...doc,
      info: { ...doc.info, description: 'a <script>alert(1)</script> & `<b>`' },
    };
    const html = renderAsyncApiPage(hostile);
    expect(html).toContain('a &lt;script&gt;alert(1)&lt;/script&gt; &amp; <code>&lt;b&gt;</code>');
    expect(html).not.toMatch(/<script|\son\w+=/i);
  });
});
