/**
 * The load benchmark's baseline (see bench/load.ts): the same web framework and database pool as
 * the app, one route doing one indexed SELECT and one INSERT, and nothing else.
 */
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify({ logger: false });
app.get<{ Params: { childId: string } }>('/baseline/:childId', async (request) => {
  const found = await pool.query('SELECT * FROM child WHERE la_code = $1 AND child_id = $2', ['206', request.params.childId]);
  await pool.query('INSERT INTO bench_baseline_log (child_id) VALUES ($1)', [request.params.childId]);
  return { child: found.rows[0] ?? null };
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stderr.write(`Baseline running at ${address}\n`);
process.once('SIGTERM', () => void app.close().then(() => pool.end()).then(() => process.exit(0)));
