#!/usr/bin/env node
// No Docker engine runs where the tests run, so the deploy files are checked statically: the
// compose file is parsed and its wiring asserted, the nginx and Dockerfiles are read for what the
// stack relies on. When a `docker compose` client is present, its own `config` validation runs too.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DOCKER = path.join(ROOT, 'docker');
const COMPOSE = path.join(DOCKER, 'compose.yml');

let failures = 0;
function check(description, condition, detail = '') {
  if (condition) {
    console.log(`  ✓ ${description}`);
  } else {
    failures += 1;
    console.log(`  ✗ ${description}${detail ? ` — ${detail}` : ''}`);
  }
}
const read = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
const list = (value) =>
  Array.isArray(value) ? value : value && typeof value === 'object' ? Object.keys(value) : [];
// Strip comments so a commented-out directive does not count.
const nginxDirectives = (text) => text.replace(/#.*$/gm, '');

console.log('docker/compose.yml');
const compose = parse(read(COMPOSE), { merge: true }) ?? {};
const services = compose.services ?? {};
const names = Object.keys(services);
const apis = names.filter((n) => /^api\d+$/.test(n));
check(
  'two API instances api1 and api2',
  apis.includes('api1') && apis.includes('api2'),
  names.join(', '),
);

for (const [name, svc] of Object.entries(services)) {
  check(`${name}: has an image or a build`, Boolean(svc.image || svc.build));
  if (svc.build) {
    const context = path.resolve(
      DOCKER,
      typeof svc.build === 'string' ? svc.build : (svc.build.context ?? '.'),
    );
    const dockerfile = path.resolve(context, svc.build.dockerfile ?? 'Dockerfile');
    check(
      `${name}: build context and Dockerfile exist`,
      fs.existsSync(context) && fs.existsSync(dockerfile),
      path.relative(ROOT, dockerfile),
    );
  }
  for (const dep of list(svc.depends_on)) {
    check(`${name}: depends_on ${dep} is a service`, names.includes(dep));
  }
  for (const volume of svc.volumes ?? []) {
    const source = typeof volume === 'string' ? volume.split(':')[0] : volume.source;
    if (source?.startsWith('.') || source?.startsWith('/')) {
      check(`${name}: bind mount ${source} exists`, fs.existsSync(path.resolve(DOCKER, source)));
    } else if (source) {
      check(
        `${name}: named volume ${source} is declared`,
        Object.hasOwn(compose.volumes ?? {}, source),
      );
    }
  }
}

const lb = services.nginx;
check('nginx service exists', Boolean(lb));
check(
  'nginx depends on api1 and api2',
  ['api1', 'api2'].every((a) => list(lb?.depends_on).includes(a)),
);
check(
  'nginx publishes an HTTP port',
  (lb?.ports ?? []).some(
    (p) => String(typeof p === 'object' ? p.target : p).endsWith(':80') || p?.target === 80,
  ),
);
check(
  'nginx mounts nginx.lb.conf',
  (lb?.volumes ?? []).some((v) => String(v).includes('nginx.lb.conf')),
);

check('postgres:17', String(services.postgres?.image ?? '').startsWith('postgres:17'));
check('redis:7', /^redis:7/.test(String(services.redis?.image ?? '')));
check('an S3-compatible store service', Boolean(services.s3));

for (const api of apis) {
  const env = services[api].environment ?? {};
  const envObj = Array.isArray(env)
    ? Object.fromEntries(env.map((e) => e.split(/=(.*)/s).slice(0, 2)))
    : env;
  for (const key of [
    'DATABASE_URL',
    'REDIS_URL',
    'JWT_SECRET',
    'S3_ENDPOINT',
    'S3_BUCKET',
    'S3_ACCESS_KEY_ID',
    'S3_SECRET_ACCESS_KEY',
    'S3_REGION',
    'PUBLIC_ORIGIN',
  ]) {
    check(`${api}: env ${key}`, envObj[key] !== undefined && envObj[key] !== '');
  }
  const hostOf = (url) => {
    try {
      return new URL(String(url).replace(/\$\{[^}]*\}/g, 'x')).hostname;
    } catch {
      return '';
    }
  };
  check(
    `${api}: DATABASE_URL points at the postgres service`,
    hostOf(envObj.DATABASE_URL) === 'postgres',
  );
  check(`${api}: REDIS_URL points at the redis service`, hostOf(envObj.REDIS_URL) === 'redis');
  check(`${api}: S3_ENDPOINT points at the s3 service`, hostOf(envObj.S3_ENDPOINT) === 's3');
  check(
    `${api}: waits for postgres, redis and s3`,
    ['postgres', 'redis', 's3'].every((d) => list(services[api].depends_on).includes(d)),
  );
  const lbAddress = String(lb?.networks?.default?.ipv4_address ?? '');
  const trusted = String(envObj.TRUST_PROXY ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  check(
    `${api}: TRUST_PROXY trusts only the load balancer's fixed address`,
    Boolean(lbAddress) &&
      trusted.length > 0 &&
      trusted.every((t) => t === lbAddress || t === 'loopback'),
    `${trusted.join(', ') || '(unset)'} vs nginx ${lbAddress || '(no fixed address)'}`,
  );
  check(
    `${api}: uses docker/api.Dockerfile`,
    String(services[api].build?.dockerfile ?? '').endsWith('api.Dockerfile'),
  );
}

console.log('docker/nginx.lb.conf');
const lbConf = nginxDirectives(read(path.join(DOCKER, 'nginx.lb.conf')));
const upstream = /upstream\s+(\S+)\s*\{([^}]*)\}/g;
const upstreams = Object.fromEntries([...lbConf.matchAll(upstream)].map((m) => [m[1], m[2]]));
const apiUpstream = Object.entries(upstreams).find(([, body]) => /server\s+api1:/.test(body));
check(
  'an upstream lists every API instance',
  Boolean(apiUpstream) && apis.every((a) => new RegExp(`server\\s+${a}:3000`).test(apiUpstream[1])),
);
check(
  'the upstream is sticky (ip_hash/hash/sticky) for long-polling',
  Boolean(apiUpstream) && /\b(ip_hash|hash\s|sticky)/.test(apiUpstream[1]),
);
const location = (prefix) => {
  const m = lbConf.match(
    new RegExp(`location\\s+${prefix.replace(/\//g, '\\/')}\\s*\\{([^}]*)\\}`),
  );
  return m?.[1] ?? '';
};
const socketLoc = location('/socket.io/');
// nginx inherits proxy_set_header from the server block only into locations that set none.
const serverLevel = lbConf.replace(/location\s+[^{]+\{[^}]*\}/g, '');
const headers = /proxy_set_header/.test(socketLoc) ? socketLoc : serverLevel;
check(
  '/socket.io/ is proxied to the API upstream',
  apiUpstream && socketLoc.includes(`proxy_pass http://${apiUpstream[0]}`),
);
check(
  '/socket.io/ gets the Upgrade header',
  /proxy_set_header\s+Upgrade\s+\$http_upgrade/.test(headers),
);
check(
  '/socket.io/ gets the Connection header',
  /proxy_set_header\s+Connection\s+\$\w+/.test(headers),
);
check('/socket.io/ uses HTTP/1.1', /proxy_http_version\s+1\.1/.test(socketLoc + serverLevel));
check('/socket.io/ is not buffered', /proxy_buffering\s+off/.test(socketLoc));
check(
  '/api/ is proxied to the API upstream',
  apiUpstream && location('/api/').includes(`proxy_pass http://${apiUpstream[0]}`),
);

const metricsDenied = [...lbConf.matchAll(/location\s+(~\*?)\s+(\S+)\s*\{([^}]*)\}/g)].some(
  ([, op, pattern, body]) => {
    if (!/\bdeny\s+all\s*;/.test(body) || /\ballow\s/.test(body)) return false;
    const re = new RegExp(pattern, op === '~*' ? 'i' : '');
    return ['/api/metrics', '/api/metrics/', '/api/Metrics', '/api//metrics'].every((p) =>
      re.test(p),
    );
  },
);
check('/api/metrics is denied to the public (every spelling the API routes)', metricsDenied);

console.log('docker/nginx.web.conf');
const webConf = nginxDirectives(read(path.join(DOCKER, 'nginx.web.conf')));
check('client-side routes fall back to index.html', /try_files[^;]*\/index\.html/.test(webConf));

console.log('Dockerfiles');
for (const file of fs.readdirSync(DOCKER).filter((f) => f.endsWith('Dockerfile'))) {
  const text = read(path.join(DOCKER, file));
  for (const m of text.matchAll(/^COPY\s+(?!--from)(?:--\S+\s+)*(.+)$/gm)) {
    const parts = m[1].trim().split(/\s+/);
    for (const src of parts.slice(0, -1)) {
      check(`${file}: COPY source ${src} exists`, fs.existsSync(path.join(ROOT, src)));
    }
  }
}
const apiDockerfile = read(path.join(DOCKER, 'api.Dockerfile'));
check(
  'api.Dockerfile is multi-stage on node:24-slim',
  (apiDockerfile.match(/^FROM node:24-slim/gm) ?? []).length >= 2,
);
check('api.Dockerfile installs pnpm 12', /pnpm@12/.test(apiDockerfile));
check(
  'api.Dockerfile deploys production dependencies only',
  /pnpm .*deploy --prod/.test(apiDockerfile),
);
check('api.Dockerfile runs as a non-root user', /^USER\s+(?!root\b)\S+/m.test(apiDockerfile));
check(
  'api.Dockerfile runs node dist/main.js',
  /CMD \["node", "dist\/main\.js"\]/.test(apiDockerfile),
);
const webDockerfile = read(path.join(DOCKER, 'web.Dockerfile'));
check(
  'web.Dockerfile serves the build on nginx:stable-alpine',
  /^FROM nginx:stable-alpine/m.test(webDockerfile),
);
check('web.Dockerfile uses docker/nginx.web.conf', webDockerfile.includes('docker/nginx.web.conf'));
check(
  '.dockerignore keeps node_modules out of the build context',
  /node_modules/.test(read(path.join(ROOT, '.dockerignore'))),
);

console.log('CI');
const ciRun = read(path.join(ROOT, '.ci/run'));
const readmeTestLine = read(path.join(ROOT, 'README.md'))
  .split('\n')
  .find((l) => /pnpm test\s*$/.test(l) && l.includes('pnpm install'))
  ?.trim();
check(
  ".ci/run runs exactly the README's test line",
  Boolean(readmeTestLine) && ciRun.split('\n').some((l) => l.trim() === readmeTestLine),
);
const workflow = parse(read(path.join(ROOT, '.github/workflows/ci.yml'))) ?? {};
const steps = Object.values(workflow.jobs ?? {}).flatMap((job) => job.steps ?? []);
check(
  'the GitHub workflow runs bash .ci/run',
  steps.some((s) => /bash \.ci\/run/.test(String(s.run ?? ''))),
);
check(
  'the GitHub workflow uses Node 24',
  steps.some(
    (s) =>
      String(s.uses ?? '').startsWith('actions/setup-node') &&
      String(s.with?.['node-version']).startsWith('24'),
  ),
);

// `docker compose config` validates the file against the real schema, offline, when the plugin exists.
const probe = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
if (probe.status === 0) {
  console.log('docker compose config');
  const res = spawnSync('docker', ['compose', '-f', COMPOSE, 'config', '--quiet'], {
    encoding: 'utf8',
    env: { ...process.env, JWT_SECRET: 'x'.repeat(48) },
  });
  check(
    'docker compose config accepts the file',
    res.status === 0,
    (res.stderr || res.stdout).trim(),
  );
} else {
  console.log('(docker compose plugin not installed: schema validation by docker skipped)');
}

console.log(failures ? `compose check: ${failures} problem(s)` : 'compose check: ok');
process.exitCode = failures ? 1 : 0;
