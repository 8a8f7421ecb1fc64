#!/usr/bin/env node
// Post read benchmark (issue 12 §12): a community of 100,000 posts by 10,000 users, with image
// metadata, comments, replies and likes, seeded straight into Postgres; then GET requests at a
// fixed concurrency for a fixed time against a real API process, one target at a time:
// the All feed, the Following feed of a user who follows 200 people, one post's detail, and its
// first comment page. Not a test; run with `pnpm bench:posts` and record in docs/benchmarks.md.
//
//   pnpm bench:posts [--posts 100000] [--users 10000] [--concurrency 50] [--duration 20] ...
//   pnpm bench:posts --help
import { Agent, request } from 'node:http';
import { parseArgs } from 'node:util';
import { withBenchEnvironment } from './lib/env.mjs';
import { cpuTicks, machineTicks, rssBytes } from './lib/machine.mjs';
import { accessToken, ipFor } from './lib/provision.mjs';
import { mib, percentile, round } from './lib/stats.mjs';
import { clock } from './lib/util.mjs';

const TARGETS = ['all', 'following', 'detail', 'comments'];

function options() {
  const { values } = parseArgs({
    options: {
      users: { type: 'string', default: '10000' },
      posts: { type: 'string', default: '100000' },
      comments: { type: 'string', default: '300000' },
      likes: { type: 'string', default: '500000' },
      following: { type: 'string', default: '200' },
      concurrency: { type: 'string', default: '50' },
      duration: { type: 'string', default: '20' },
      warmup: { type: 'string', default: '3' },
      targets: { type: 'string', default: TARGETS.join(',') },
      port: { type: 'string', default: '23400' },
      'db-pool': { type: 'string', default: '' },
      'rps-target': { type: 'string', default: '1500' },
      'p95-target': { type: 'string', default: '50' },
      'keep-db': { type: 'boolean', default: false },
      json: { type: 'string', default: '' },
      'api-node-args': { type: 'string', default: '' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(`usage: pnpm bench:posts [options]
  --users 10000            authors and readers (each with a live session)
  --posts 100000           posts, spread over the last 30 days; about a third carry 1–3 images
  --comments 300000        comments; one in four is a reply to a top-level comment of its post
  --likes 500000           likes (unique post and user; the counters match)
  --following 200          how many authors the Following reader follows
  --concurrency 50         requests in flight, per target
  --duration 20            seconds measured per target (after --warmup 3 seconds)
  --targets ${TARGETS.join(',')}
  --rps-target 1500        req/s; --p95-target 50 ms: the pass line printed per target
  --port 23400             API port
  --db-pool N              the API's DB_POOL_SIZE (default: the API's own default)
  --json FILE              also write the results as JSON
  --keep-db                keep the orgo_bench_posts database afterwards
  --api-node-args="..."    extra node flags for the API (e.g. "--cpu-prof --cpu-prof-dir=/tmp/p")
  BENCH_API_LOG=FILE       environment: append the API output to FILE`);
    process.exit(0);
  }
  const num = (k) => Number(values[k]);
  const targets = values.targets.split(',').map((s) => s.trim());
  for (const t of targets) if (!TARGETS.includes(t)) throw new Error(`unknown target ${t}`);
  return {
    users: num('users'),
    posts: num('posts'),
    comments: num('comments'),
    likes: num('likes'),
    following: num('following'),
    concurrency: num('concurrency'),
    durationMs: num('duration') * 1000,
    warmupMs: num('warmup') * 1000,
    targets,
    port: num('port'),
    dbPool: values['db-pool'],
    rpsTarget: num('rps-target'),
    p95Target: num('p95-target'),
    keepDb: values['keep-db'],
    json: values.json,
    apiNodeArgs: values['api-node-args'].split(' ').filter(Boolean),
  };
}

const opt = options();
const results = await withBenchEnvironment(
  {
    name: 'bench-posts',
    instances: 1,
    port: opt.port,
    apiNodeArgs: opt.apiNodeArgs,
    apiEnv: opt.dbPool ? { DB_POOL_SIZE: opt.dbPool } : {},
    // The per-caller API budget would cap a handful of readers long before the server does.
    rateLimits: false,
    keepDb: opt.keepDb,
    json: opt.json,
    options: opt,
    notes: ['rate limits off: this measures the read path, not the per-user budget'],
  },
  async ({ apis, seeder, jwtSecret, results }) => {
    const users = await seeder.users('post', opt.users);
    const community = await seed(seeder.db, users, opt);
    const api = apis[0];
    results.targets = {};
    for (const target of opt.targets) {
      results.targets[target] = await measure(api, target, users, community, jwtSecret, opt);
    }
  },
);
const failed = Object.values(results.targets).filter((r) => !r.pass);
console.log(failed.length ? `[verdict] FAIL (${failed.length} target(s))` : '[verdict] PASS');
if (failed.length) process.exitCode = 1;

/**
 * Posts, images, comments, likes and one reader's follows, in bulk statements. Rows are picked by
 * joining on numbered temporary tables (never by subscripting an aggregated array per row, which
 * copies the whole array into every joined row), and the counters are set from one grouped count.
 */
async function seed(db, users, opt) {
  const t = Date.now();
  const ids = users.map((u) => u.userId);
  const step = async (label, sql, params) => {
    const t0 = Date.now();
    const res = await db.query(sql, params);
    console.log(`[seed] ${label}: ${res.rowCount ?? 0} rows (${Date.now() - t0} ms)`);
  };
  await db.query(`DROP TABLE IF EXISTS bench_user_n, bench_post_n, bench_comment_n`);
  await step(
    'numbered users',
    `CREATE UNLOGGED TABLE bench_user_n AS
     SELECT n::int AS n, id FROM unnest($1::uuid[]) WITH ORDINALITY u(id, n)`,
    [ids],
  );
  await db.query(`ALTER TABLE bench_user_n ADD PRIMARY KEY (n)`);
  const userCount = ids.length;
  await step(
    'posts',
    `INSERT INTO post (author_id, title, content, created_at)
     SELECT u.id, '벤치 글 ' || g,
            repeat('오늘 배운 것을 정리합니다. https://example.com/' || g || E'\\n', 1 + g % 5),
            now() - make_interval(secs => random() * 30 * 86400)
       FROM generate_series(1, $1::int) g
       JOIN bench_user_n u ON u.n = 1 + ((g::bigint * 7919) % $2::int)`,
    [opt.posts, userCount],
  );
  await step(
    'numbered posts',
    `CREATE UNLOGGED TABLE bench_post_n AS
     SELECT (row_number() OVER (ORDER BY id))::int AS n, id, created_at FROM post`,
  );
  await db.query(`ALTER TABLE bench_post_n ADD PRIMARY KEY (n)`);
  // About a third of the posts carry 1–3 images (metadata rows; no bytes are read).
  await step(
    'images',
    `WITH picked AS MATERIALIZED (
       SELECT p.id AS post_id, p.author_id, n, gen_random_uuid() AS media_id
         FROM post p, generate_series(0, 2) n
        WHERE abs(hashtext(p.id::text)) % 3 = 0
          AND n < 1 + (abs(hashtext(p.id::text)) / 3) % 3),
     media AS (
       INSERT INTO media_object (id, owner_id, purpose, content_type, width, height, byte_size,
                                 thumb_byte_size)
       SELECT media_id, author_id, 'post', 'image/webp', 1200, 800, 150000, 12000 FROM picked)
     INSERT INTO post_image (media_id, post_id, position)
     SELECT media_id, post_id, n FROM picked`,
  );
  await step(
    'cover images',
    `UPDATE post p
        SET image_count = c.n, cover_media_id = c.media_id,
            cover_width = c.width, cover_height = c.height
       FROM (SELECT DISTINCT ON (i.post_id) i.post_id, i.media_id, mo.width, mo.height,
                    count(*) OVER (PARTITION BY i.post_id) AS n
               FROM post_image i JOIN media_object mo ON mo.id = i.media_id
              ORDER BY i.post_id, i.position) c
      WHERE p.id = c.post_id`,
  );
  const postCount = opt.posts;
  const top = Math.floor(opt.comments * 0.75);
  await step(
    'comments',
    `INSERT INTO post_comment (post_id, author_id, content, created_at)
     SELECT p.id, u.id, '좋은 글 감사합니다 ' || g, p.created_at + make_interval(secs => g % 86400)
       FROM generate_series(1, $1::int) g
       JOIN bench_post_n p ON p.n = 1 + ((g::bigint * 31) % $2::int)
       JOIN bench_user_n u ON u.n = 1 + ((g::bigint * 104729) % $3::int)`,
    [top, postCount, userCount],
  );
  await step(
    'numbered comments',
    `CREATE UNLOGGED TABLE bench_comment_n AS
     SELECT (row_number() OVER (ORDER BY id))::int AS n, id, post_id, created_at
       FROM post_comment WHERE parent_id IS NULL`,
  );
  await db.query(`ALTER TABLE bench_comment_n ADD PRIMARY KEY (n)`);
  await step(
    'replies',
    `INSERT INTO post_comment (post_id, author_id, parent_id, content, created_at)
     SELECT c.post_id, u.id, c.id, '답글 ' || g, c.created_at + interval '1 minute'
       FROM generate_series(1, $1::int) g
       JOIN bench_comment_n c ON c.n = 1 + ((g::bigint * 17) % $2::int)
       JOIN bench_user_n u ON u.n = 1 + ((g::bigint * 7907) % $3::int)`,
    [opt.comments - top, top, userCount],
  );
  await step(
    'reply counts',
    `UPDATE post_comment pc SET reply_count = r.n
       FROM (SELECT parent_id, count(*) AS n FROM post_comment
              WHERE parent_id IS NOT NULL GROUP BY parent_id) r
      WHERE pc.id = r.parent_id`,
  );
  await step(
    'likes',
    `INSERT INTO post_like (post_id, user_id)
     SELECT p.id, u.id
       FROM generate_series(1, $1::int) g
       JOIN bench_post_n p ON p.n = 1 + (g % $2::int)
       JOIN bench_user_n u ON u.n = 1 + ((g / $2::int * 7919 + g) % $3::int)
     ON CONFLICT DO NOTHING`,
    [opt.likes, postCount, userCount],
  );
  await step(
    'like counts',
    `UPDATE post p SET like_count = l.n
       FROM (SELECT post_id, count(*) AS n FROM post_like GROUP BY post_id) l
      WHERE p.id = l.post_id`,
  );
  await step(
    'comment counts',
    `UPDATE post p SET comment_count = c.n
       FROM (SELECT post_id, count(*) AS n FROM post_comment GROUP BY post_id) c
      WHERE p.id = c.post_id`,
  );
  await db.query(`DROP TABLE bench_user_n, bench_post_n, bench_comment_n`);
  // The Following reader: user 0 follows `following` authors.
  const reader = users[0];
  await db.query(
    `INSERT INTO user_follow (follower_id, followee_id)
     SELECT $1, u FROM unnest($2::uuid[]) u ON CONFLICT DO NOTHING`,
    [reader.userId, ids.slice(1, 1 + opt.following)],
  );
  // Their posts in the reader's Following feed, as following them through the API writes it.
  await step(
    'following feed',
    `INSERT INTO post_inbox (user_id, post_id, author_id, created_at)
     SELECT $1, p.id, p.author_id, p.created_at FROM post p
      WHERE p.author_id = ANY ($2::uuid[]) AND p.deleted_at IS NULL`,
    [reader.userId, ids.slice(1, 1 + opt.following)],
  );
  // The detail and comment targets: the post with the most top-level comments.
  const { rows } = await db.query(
    `SELECT post_id FROM post_comment WHERE parent_id IS NULL
      GROUP BY post_id ORDER BY count(*) DESC LIMIT 1`,
  );
  await db.query('ANALYZE');
  const counts = await db.query(
    `SELECT (SELECT count(*) FROM post) AS posts, (SELECT count(*) FROM post_image) AS images,
            (SELECT count(*) FROM post_comment) AS comments,
            (SELECT count(*) FROM post_like) AS likes`,
  );
  console.log(`[seed] ${JSON.stringify(counts.rows[0])} (${Date.now() - t} ms)`);
  return { reader, postId: rows[0]?.post_id };
}

function pathFor(target, community) {
  switch (target) {
    case 'all':
      return '/api/posts?limit=20';
    case 'following':
      return '/api/posts/following?limit=20';
    case 'detail':
      return `/api/posts/${community.postId}`;
    case 'comments':
      return `/api/posts/${community.postId}/comments?limit=20`;
  }
}

/**
 * `concurrency` loops, each sending its next request when the last one answered, for the warm-up
 * and then `durationMs`; latencies of the measured window only. The Following target reads as
 * the reader who follows `--following` people; the others as users taken in turn.
 */
async function measure(api, target, users, community, secret, opt) {
  const path = pathFor(target, community);
  const url = `${api.url ?? `http://127.0.0.1:${opt.port}`}${path}`;
  const callers = (target === 'following' ? [community.reader] : users.slice(0, 1000)).map(
    (u, i) => ({
      authorization: `Bearer ${accessToken(secret, u.userId, u.sessionId)}`,
      'x-forwarded-for': ipFor(i + 1),
    }),
  );
  const latencies = [];
  const statuses = {};
  let measuring = false;
  let stop = false;
  let next = 0;
  // node:http on kept-alive connections, one per loop: the load generator shares the machine's
  // cores with the API and Postgres, and fetch costs it about three times the CPU per request.
  const agent = new Agent({ keepAlive: true, maxSockets: opt.concurrency });
  const get = (headers) =>
    new Promise((resolve) => {
      const req = request(url, { agent, headers }, (res) => {
        res.on('data', () => {});
        res.on('end', () => resolve(res.statusCode));
        res.on('error', () => resolve(-1));
      });
      req.on('error', () => resolve(-1));
      req.end();
    });
  const loop = async () => {
    while (!stop) {
      const headers = callers[next++ % callers.length];
      const t0 = clock();
      const status = await get(headers);
      if (measuring) {
        latencies.push(clock() - t0);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }
  };
  const loops = Array.from({ length: opt.concurrency }, loop);
  await new Promise((r) => setTimeout(r, opt.warmupMs));
  const cpuBefore = cpuTicks(api.pid);
  const machineBefore = machineTicks().total;
  const started = clock();
  measuring = true;
  await new Promise((r) => setTimeout(r, opt.durationMs));
  measuring = false;
  const elapsed = clock() - started;
  stop = true;
  await Promise.all(loops);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const rps = latencies.length / (elapsed / 1000);
  const ok = statuses[200] ?? 0;
  const result = {
    path,
    requests: latencies.length,
    rps: round(rps),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    statuses,
    apiCpuPct: round(((cpuTicks(api.pid) - cpuBefore) / (elapsed / 10)) * 100),
    machineTicks: machineTicks().total - machineBefore,
    apiRssMiB: mib(rssBytes(api.pid)),
  };
  result.pass = ok === latencies.length && rps >= opt.rpsTarget && result.p95 < opt.p95Target;
  console.log(
    `[${target}] ${result.rps} req/s  p50 ${result.p50} ms  p95 ${result.p95} ms  p99 ${result.p99} ms` +
      `  ${JSON.stringify(statuses)}  API CPU ${result.apiCpuPct}%  RSS ${result.apiRssMiB} MiB` +
      `  ${result.pass ? 'PASS' : 'FAIL'} (≥ ${opt.rpsTarget} req/s, p95 < ${opt.p95Target} ms)`,
  );
  return result;
}
