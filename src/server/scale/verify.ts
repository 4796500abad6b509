import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '@server/db/client';

/**
 * The application's invariants over a generated database, each as a count of the rows that break it (0 = holds).
 * The database enforces foreign keys, checks and the projects' money sums itself; these are the rules it cannot.
 */
const CHECKS: ReadonlyArray<{ name: string; query: ReturnType<typeof sql> }> = [
  {
    name: 'receipt counter = receipts issued in the call',
    query: sql`SELECT count(*)::int AS n FROM call_receipt_counters c
      WHERE c.last_number <> (SELECT count(*) FROM proposals p WHERE p.call_id = c.call_id AND p.receipt_number IS NOT NULL)`,
  },
  {
    name: 'receipts are gap-free (highest number = count)',
    query: sql`SELECT count(*)::int AS n FROM (
      SELECT call_id, max(split_part(receipt_number, '-', 3)::int) AS top, count(*) AS issued
        FROM proposals WHERE receipt_number IS NOT NULL GROUP BY call_id) r WHERE r.top <> r.issued`,
  },
  {
    name: 'agreement counter = projects of the fiscal year',
    query: sql`SELECT count(*)::int AS n FROM project_number_counters c
      WHERE c.last_number <> (SELECT count(*) FROM projects p WHERE p.fiscal_year = c.fiscal_year)`,
  },
  {
    name: 'requested money = the budget table of the answers',
    query: sql`SELECT count(*)::int AS n FROM proposals p
      WHERE p.requested_satang <> coalesce((SELECT sum((b->>'amountSatang')::bigint)
        FROM jsonb_array_elements(CASE WHEN jsonb_typeof(p.answers->'budget') = 'array' THEN p.answers->'budget' ELSE '[]'::jsonb END) b), 0)`,
  },
  {
    name: 'an award is at most the amount requested and the call maximum',
    query: sql`SELECT count(*)::int AS n FROM decisions d JOIN proposals p ON p.id = d.proposal_id JOIN calls c ON c.id = d.call_id
      WHERE d.outcome = 'award' AND (d.amount_satang > p.requested_satang OR d.amount_satang > c.max_grant_satang OR d.amount_satang <= 0)`,
  },
  {
    name: "a call's awards fit its budget",
    query: sql`SELECT count(*)::int AS n FROM calls c
      WHERE c.total_budget_satang < (SELECT coalesce(sum(amount_satang), 0) FROM decisions d WHERE d.call_id = c.id AND d.outcome = 'award')`,
  },
  {
    name: 'every released award has its project, and every project a released award',
    query: sql`SELECT (SELECT count(*) FROM decisions d WHERE d.outcome = 'award' AND d.notified_at IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM projects p WHERE p.decision_id = d.id))
      + (SELECT count(*) FROM projects p JOIN decisions d ON d.id = p.decision_id
        WHERE d.outcome <> 'award' OR d.notified_at IS NULL OR d.amount_satang <> p.award_satang OR d.proposal_id <> p.proposal_id)::int AS n`,
  },
  {
    name: 'instalments and budget lines sum to the award; payments within it',
    query: sql`SELECT count(*)::int AS n FROM projects p
      WHERE p.award_satang <> (SELECT coalesce(sum(amount_satang), 0) FROM project_instalments i WHERE i.project_id = p.id)
         OR p.award_satang <> (SELECT coalesce(sum(approved_satang), 0) FROM project_budget_lines l WHERE l.project_id = p.id)
         OR p.award_satang < (SELECT coalesce(sum(paid_satang), 0) FROM project_instalments i WHERE i.project_id = p.id)`,
  },
  {
    name: 'a paid instalment was released (its report approved, or the agreement signed)',
    query: sql`SELECT count(*)::int AS n FROM project_instalments i JOIN projects p ON p.id = i.project_id
      LEFT JOIN project_reports r ON r.id = i.release_report_id
      WHERE i.status IN ('ready', 'paid') AND (p.agreement_accepted_at IS NULL OR (i.release_report_id IS NOT NULL AND r.status <> 'approved'))`,
  },
  {
    name: 'a closed project has its catalogue entry, linked both ways',
    query: sql`SELECT count(*)::int AS n FROM projects p LEFT JOIN innovations i ON i.id = p.innovation_id
      WHERE (p.status = 'closed' AND (i.id IS NULL OR i.project_id <> p.id))`,
  },
  {
    name: 'submitted reviews carry a weighted score and a recommendation',
    query: sql`SELECT count(*)::int AS n FROM reviews WHERE status = 'submitted' AND (weighted_score IS NULL OR recommendation IS NULL OR submitted_at IS NULL)`,
  },
  {
    name: 'reviews belong to active assignments of the same reviewer and proposal',
    query: sql`SELECT count(*)::int AS n FROM reviews r JOIN review_assignments a ON a.id = r.assignment_id
      WHERE a.status <> 'active' OR a.reviewer_id <> r.reviewer_id OR a.proposal_id <> r.proposal_id`,
  },
  {
    name: "an adoption's status and dates follow its timeline",
    query: sql`SELECT count(*)::int AS n FROM adoptions a
      WHERE a.status <> (SELECT e.to_status FROM adoption_events e WHERE e.adoption_id = a.id ORDER BY e.occurred_on DESC, e.created_at DESC LIMIT 1)
         OR (a.adopted_on IS NULL) <> NOT EXISTS (SELECT 1 FROM adoption_events e WHERE e.adoption_id = a.id AND e.to_status = 'adopted')`,
  },
  {
    name: 'published entries have a publication date; drafts none',
    query: sql`SELECT count(*)::int AS n FROM innovations WHERE (status = 'published') <> (published_at IS NOT NULL) AND status <> 'unpublished'`,
  },
];

export interface InvariantResult {
  name: string;
  violations: number;
}

export async function checkScaleInvariants(db: DbOrTx): Promise<InvariantResult[]> {
  const out: InvariantResult[] = [];
  for (const check of CHECKS) {
    const [row] = await queryRows<{ n: number }>(db, check.query);
    out.push({ name: check.name, violations: Number(row?.n ?? 0) });
  }
  return out;
}

interface ForeignKey {
  name: string;
  child: string;
  parent: string;
  columns: string[];
  parentColumns: string[];
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Every foreign key of the schema checked over whole tables at once (rows whose reference does not exist), for data
 * written with the per-row checks off.
 */
export async function checkForeignKeys(db: DbOrTx): Promise<InvariantResult[]> {
  const keys = await queryRows<ForeignKey>(
    db,
    sql`SELECT c.conname AS name, cl.relname AS child, pl.relname AS parent,
          array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS columns,
          array(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                  JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) AS "parentColumns"
        FROM pg_constraint c
        JOIN pg_class cl ON cl.oid = c.conrelid
        JOIN pg_class pl ON pl.oid = c.confrelid
        JOIN pg_namespace n ON n.oid = cl.relnamespace
       WHERE c.contype = 'f' AND n.nspname = current_schema()
       ORDER BY cl.relname, c.conname`,
  );
  const out: InvariantResult[] = [];
  for (const key of keys) {
    const present = key.columns.map((c) => `t.${ident(c)} IS NOT NULL`).join(' AND ');
    const match = key.columns
      .map((c, i) => `r.${ident(key.parentColumns[i] ?? c)} = t.${ident(c)}`)
      .join(' AND ');
    const [row] = await queryRows<{ n: number }>(
      db,
      sql.raw(
        `SELECT count(*)::int AS n FROM ${ident(key.child)} t WHERE ${present} ` +
          `AND NOT EXISTS (SELECT 1 FROM ${ident(key.parent)} r WHERE ${match})`,
      ),
    );
    out.push({ name: `foreign key ${key.name}`, violations: Number(row?.n ?? 0) });
  }
  return out;
}

/** The rules the loader's deferred checks skipped: foreign keys and the projects' money sums. */
export async function checkScaleIntegrity(db: DbOrTx): Promise<InvariantResult[]> {
  const money = CHECKS.filter((c) => c.name.startsWith('instalments and budget lines'));
  const out = await checkForeignKeys(db);
  for (const check of money) {
    const [row] = await queryRows<{ n: number }>(db, check.query);
    out.push({ name: check.name, violations: Number(row?.n ?? 0) });
  }
  return out;
}
