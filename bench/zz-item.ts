import { FixedClock } from '../src/config/clock.js';
import { openDatabase } from '../src/db/client.js';
import { loadInsightContext } from '../src/features/insight/insight-context.js';
import { loadItemSchools } from '../src/features/insight/load-item-schools.js';
import { normedItemsOf } from '../src/features/insight/insight-context.js';
import { listAnswerCells } from '../src/features/insight/repository.js';
import pg from 'pg';
const url = `postgres://root@127.0.0.1:5432/${process.argv[2]}`;
const c = new pg.Client({ connectionString: url }); await c.connect();
const { rows } = await c.query(`select partnership_id, count(*) from schools group by 1 order by 2 desc limit 1`); await c.end();
const pid = rows[0].partnership_id;
const handle = await openDatabase({ kind: 'postgres', url });
const clock = new FixedClock('2026-10-12T10:00:00+02:00');
const auth: any = { principal: { userId: 'x', email: 'x@x', name: 'x', locale: 'nl', memberships: [{ role: 'platform_admin', partnershipId: null, boardId: null, schoolId: null, placeName: 'x', homePartnershipId: null }] }, scope: { level: 'partnership', partnershipId: pid }, permission: 'partnership.view' };
const base = { db: handle.db, clock, auth, schoolYear: '2026-2027' };
for (let i = 0; i < 4; i++) {
  let t = performance.now(); const ctx = await loadInsightContext({ ...base, filters: {} }); const tc = performance.now() - t;
  const key = normedItemsOf(ctx.template)[0]!.item.key;
  t = performance.now(); await listAnswerCells(handle.db, ctx.place, ctx.schoolYear, [key]); const tq = performance.now() - t;
  t = performance.now(); await loadItemSchools({ ...base, itemKey: key }); const ti = performance.now() - t;
  console.log(`context ${tc.toFixed(0)} ms, cells ${tq.toFixed(0)} ms, whole ${ti.toFixed(0)} ms, schools ${ctx.schools.length}`);
}
await handle.close();
