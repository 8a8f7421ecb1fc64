// Builds the AsyncAPI 3 document of the Socket.IO API from libs/contracts with the TypeScript
// compiler: every `libs/contracts/src/realtime/<ns>.socket.ts` exporting `<Ns>ServerEvents` and
// `<Ns>ClientEvents` is the namespace `/<ns>`; payload and ack schemas come from the types, and
// descriptions from their doc comments. Used by gen-api.mjs (write and --check).
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const contracts = join(root, 'libs/contracts');
const ts = createRequire(join(contracts, 'package.json'))('typescript');

export const ASYNCAPI_PATH = join(contracts, 'src/realtime/asyncapi.json');

const DESCRIPTION = [
  'Socket.IO at `/socket.io` on the same origin as the REST API (`/api`). Each namespace is a separate connection; pass the access token in the handshake, `io("/chat", { auth: { token } })`, never in the query string.',
  'A refused handshake fails with `connect_error` whose `data` is `{ code, message }`: `AUTH_*` for the token, `REALTIME_TOO_MANY_SOCKETS` over the sockets per user, `COMMON_RATE_LIMITED` (with `retryAfterSec`) over the handshake limit.',
  'Every client → server event answers through its Socket.IO acknowledgement (the reply of its operation): `{ ok: true, data }` or `{ ok: false, error: { code, message, errors?, retryAfterSec? } }` with the same stable codes as the REST problem details (`retryAfterSec` on a 429 or 503, like the REST `Retry-After` header).',
  'Before closing a socket on purpose the server sends `connection.closing { code, message }`; with `AUTH_TOKEN_EXPIRED`, refresh the access token (`POST /api/auth/refresh`) and connect again.',
].join('\n\n');

/** The namespaces found in the contracts, with their event maps (sorted, stable). */
export function realtimeNamespaces() {
  const dir = join(contracts, 'src/realtime');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.socket.ts'))
    .sort()
    .map((f) => {
      const ns = f.replace(/\.socket\.ts$/, '');
      const prefix = ns.charAt(0).toUpperCase() + ns.slice(1);
      return {
        file: join(dir, f),
        id: ns,
        address: `/${ns}`,
        server: `${prefix}ServerEvents`,
        client: `${prefix}ClientEvents`,
      };
    });
}

export function buildAsyncApi() {
  const program = ts.createProgram([join(contracts, 'src/index.ts')], {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const schemas = new Map();
  const pending = [];

  // ErrorCode is a union of literals that the checker shares with any equal union: recognise it by
  // its members.
  const errorsFile = program.getSourceFile(join(contracts, 'src/errors.ts'));
  const errorCodeDecl = errorsFile.statements.find(
    (s) => ts.isTypeAliasDeclaration(s) && s.name.text === 'ErrorCode',
  );
  const errorCodeType = checker.getTypeAtLocation(errorCodeDecl);
  const literalKey = (type) =>
    type.isUnion() && type.types.every((t) => t.flags & ts.TypeFlags.StringLiteral)
      ? type.types
          .map((t) => t.value)
          .sort()
          .join('|')
      : null;
  const errorCodeKey = literalKey(errorCodeType);

  const docOf = (symbol) =>
    symbol ? ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() : '';
  const withDoc = (schema, symbol) => {
    const description = docOf(symbol);
    return description ? { ...schema, description } : schema;
  };

  /** A contracts interface becomes a named component; everything else is inlined. */
  function named(type) {
    if (literalKey(type) === errorCodeKey) return 'ErrorCode';
    const symbol = type.aliasSymbol ?? type.getSymbol();
    if (!symbol) return null;
    const decl = symbol.declarations?.[0];
    if (!decl || !decl.getSourceFile().fileName.startsWith(join(contracts, 'src'))) return null;
    if (ts.isInterfaceDeclaration(decl)) return symbol.name;
    return null;
  }

  function schemaOf(type) {
    const name = named(type);
    if (name) {
      if (!schemas.has(name)) {
        schemas.set(name, null);
        pending.push([name, type]);
      }
      return { $ref: `#/components/schemas/${name}` };
    }
    return inline(type);
  }

  function inline(type) {
    const f = type.flags;
    if (f & ts.TypeFlags.String) return { type: 'string' };
    if (f & ts.TypeFlags.Number) return { type: 'number' };
    if (f & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (f & ts.TypeFlags.Null) return { type: 'null' };
    if (f & ts.TypeFlags.StringLiteral) return { type: 'string', const: type.value };
    if (f & ts.TypeFlags.NumberLiteral) return { type: 'number', const: type.value };
    if (f & ts.TypeFlags.BooleanLiteral)
      return { type: 'boolean', const: checker.typeToString(type) === 'true' };
    if (type.isUnion()) {
      const parts = type.types.filter((t) => !(t.flags & ts.TypeFlags.Undefined));
      if (parts.length === 1) return schemaOf(parts[0]);
      const literals = parts.filter((t) => t.flags & ts.TypeFlags.StringLiteral);
      if (literals.length === parts.length)
        return { type: 'string', enum: literals.map((t) => t.value) };
      const bools = parts.filter((t) => t.flags & ts.TypeFlags.BooleanLiteral);
      const rest = parts.filter((t) => !(t.flags & ts.TypeFlags.BooleanLiteral));
      const members = [...(bools.length === 2 ? [{ type: 'boolean' }] : bools.map(inline))];
      members.push(...rest.map(schemaOf));
      return members.length === 1 ? members[0] : { oneOf: members };
    }
    if (checker.isArrayType(type))
      return { type: 'array', items: schemaOf(checker.getTypeArguments(type)[0]) };
    if (f & ts.TypeFlags.Object) return objectSchema(type);
    throw new Error(`asyncapi: no schema for the type ${checker.typeToString(type)}`);
  }

  function objectSchema(type) {
    const properties = {};
    const required = [];
    for (const prop of checker.getPropertiesOfType(type)) {
      const decl = prop.valueDeclaration ?? prop.declarations?.[0];
      const propType = checker.getTypeOfSymbolAtLocation(prop, decl);
      properties[prop.name] = withDoc(schemaOf(propType), prop);
      if (!(prop.flags & ts.SymbolFlags.Optional)) required.push(prop.name);
    }
    const index = checker.getIndexInfosOfType(type)[0];
    const additional =
      index && !(index.type.flags & ts.TypeFlags.Never) ? schemaOf(index.type) : false;
    return {
      type: 'object',
      ...(Object.keys(properties).length ? { properties } : {}),
      ...(required.length ? { required } : {}),
      additionalProperties: additional,
    };
  }

  /**
   * An ack (`Ack<T>`): the success branch inline, the failure branch one shared `AckFailure`,
   * success first.
   */
  function ackSchema(type) {
    const okOf = (t) => {
      const ok = checker.getPropertyOfType(t, 'ok');
      return ok ? checker.typeToString(checker.getTypeOfSymbol(ok)) : null;
    };
    const success = type.isUnion() ? type.types.find((t) => okOf(t) === 'true') : null;
    const failure = type.isUnion() ? type.types.find((t) => okOf(t) === 'false') : null;
    if (!success || !failure)
      throw new Error('asyncapi: an ack is not { ok: true } | { ok: false }');
    if (!schemas.has('AckFailure'))
      schemas.set('AckFailure', {
        ...objectSchema(failure),
        description:
          'A refused client event: a stable `code` (the same codes as the REST problem details), a `message` and, for invalid fields, `errors`.',
      });
    return { oneOf: [objectSchema(success), { $ref: '#/components/schemas/AckFailure' }] };
  }

  /** The members of an event map: name, doc, payload type and (client events) the ack's type. */
  function events(source, interfaceName) {
    const decl = source.statements.find(
      (s) => ts.isInterfaceDeclaration(s) && s.name.text === interfaceName,
    );
    if (!decl) return [];
    const type = checker.getTypeAtLocation(decl);
    return checker.getPropertiesOfType(type).map((prop) => {
      const fn = checker.getTypeOfSymbolAtLocation(prop, prop.valueDeclaration);
      const [signature] = fn.getCallSignatures();
      const [payload, ack] = signature.getParameters();
      const typeOf = (p) => checker.getTypeOfSymbolAtLocation(p, p.valueDeclaration);
      const ackType = ack ? typeOf(ack).getCallSignatures()[0].getParameters()[0] : null;
      return {
        name: prop.name,
        doc: docOf(prop),
        payload: payload ? typeOf(payload) : null,
        ack: ackType ? typeOf(ackType) : null,
      };
    });
  }

  const channels = {};
  const operations = {};
  for (const ns of realtimeNamespaces()) {
    const source = program.getSourceFile(ns.file);
    if (!source) throw new Error(`asyncapi: ${ns.file} is not part of libs/contracts`);
    const messages = {};
    const ref = (key) => ({ $ref: `#/channels/${ns.id}/messages/${key}` });
    const message = (event, payload, kind) => ({
      name: event.name,
      title: `${event.name}${kind === 'ack' ? ' (ack)' : ''}`,
      ...(event.doc && kind !== 'ack' ? { summary: event.doc } : {}),
      payload: kind === 'ack' ? ackSchema(payload) : payload ? schemaOf(payload) : { type: 'null' },
    });
    for (const event of events(source, ns.client)) {
      const key = `client.${event.name}`;
      messages[key] = message(event, event.payload, 'event');
      messages[`${key}.ack`] = message(event, event.ack, 'ack');
      operations[`${ns.id}.client.${event.name}`] = {
        action: 'receive',
        channel: { $ref: `#/channels/${ns.id}` },
        title: `${event.name} (client → server)`,
        ...(event.doc ? { summary: event.doc } : {}),
        messages: [ref(key)],
        reply: { channel: { $ref: `#/channels/${ns.id}` }, messages: [ref(`${key}.ack`)] },
      };
    }
    for (const event of events(source, ns.server)) {
      const key = `server.${event.name}`;
      messages[key] = message(event, event.payload, 'event');
      operations[`${ns.id}.server.${event.name}`] = {
        action: 'send',
        channel: { $ref: `#/channels/${ns.id}` },
        title: `${event.name} (server → client)`,
        ...(event.doc ? { summary: event.doc } : {}),
        messages: [ref(key)],
      };
    }
    channels[ns.id] = {
      address: ns.address,
      title: ns.address,
      description: `The Socket.IO namespace \`${ns.address}\` (events of \`${ns.client}\` and \`${ns.server}\` in libs/contracts).`,
      messages,
    };
  }

  while (pending.length) {
    const [name, type] = pending.shift();
    schemas.set(
      name,
      name === 'ErrorCode'
        ? withDoc({ type: 'string', enum: type.types.map((t) => t.value) }, errorCodeDecl.symbol)
        : withDoc(objectSchema(type), type.getSymbol()),
    );
  }

  return {
    asyncapi: '3.0.0',
    info: { title: 'OrGo realtime API', version: '1.0.0', description: DESCRIPTION },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: {
      schemas: Object.fromEntries([...schemas].sort(([a], [b]) => a.localeCompare(b))),
    },
  };
}

export function asyncApiText() {
  return `${JSON.stringify(buildAsyncApi(), null, 2)}\n`;
}
