import { useEffect, useState } from 'react';
import type { ImportJobView, ImportOutcome, ImportRejection } from '@raksha/contracts';
import { hasPermission, type Role } from '@raksha/domain';
import { ApiError, problemOf } from '../lib/api.js';
import { ColumnHeads, FieldError, PageTitle, fieldLabel, useSubmit } from './bits.js';
import { useApp } from './context.js';

/** What an administrator (or a DCPU/SCPS for institutions) imports, where, and who may. */
const KINDS = {
  PLACES: { path: '/places/import', may: 'body:administer' },
  PEOPLE: { path: '/people/import', may: 'person:administer' },
  INSTITUTIONS: { path: '/institutions/import', may: 'registry:manage' },
} as const;
export type Kind = keyof typeof KINDS;

/**
 * One screen for every CSV import: pick what the file holds, check it (nothing is written, every bad row shown),
 * then import; a long file is written by a job whose progress shows here until it is done.
 */
export function Imports({ initialKind }: { initialKind?: Kind }) {
  const { t, api, session } = useApp();
  const kinds = (Object.keys(KINDS) as Kind[]).filter((k) => hasPermission(session.user.roles as Role[], KINDS[k].may));
  const [kind, setKind] = useState<Kind | ''>(initialKind && kinds.includes(initialKind) ? initialKind : kinds.length === 1 ? kinds[0]! : '');
  const [csv, setCsv] = useState('');
  const [rejected, setRejected] = useState<ImportRejection[]>();
  const [checked, setChecked] = useState<{ valid: number }>();
  const [done, setDone] = useState<{ imported: number; valid: number }>();
  const [job, setJob] = useState<ImportJobView>();
  const { error, busy, run } = useSubmit();

  function changed(text: string) {
    setCsv(text);
    setChecked(undefined);
    setRejected(undefined);
    setDone(undefined);
    setJob(undefined);
  }
  async function template() {
    if (!kind) return;
    const blob = await api.blob(`${KINDS[kind].path}/template`);
    if (blob) changed(await blob.text());
  }
  async function send(dryRun: boolean) {
    if (!kind) return;
    setRejected(undefined);
    await run(async () => {
      const res = await api.raw('POST', `${KINDS[kind].path}${dryRun ? '?dryRun=true' : ''}`, { csv });
      const body = res.body as Partial<ImportOutcome> & Partial<ImportJobView> & { rejected?: ImportRejection[] };
      if (res.status === 422 && Array.isArray(body.rejected)) {
        setChecked(undefined);
        setRejected(body.rejected);
      } else if (res.status >= 300) throw new ApiError(res.status, problemOf(res));
      else if (res.status === 202) setJob(body as ImportJobView);
      else if (dryRun) setChecked({ valid: body.valid ?? 0 });
      else setDone({ imported: body.imported ?? 0, valid: body.valid ?? 0 });
    });
  }

  // A job's progress, read every two seconds until it is done.
  useEffect(() => {
    if (!job || job.status === 'DONE' || job.status === 'FAILED') return;
    const timer = setTimeout(() => {
      void api.get<ImportJobView>(`/imports/${job.id}`).then(setJob, () => undefined);
    }, 2000);
    return () => clearTimeout(timer);
  }, [job, api]);

  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t('imports.title')}</PageTitle>
      <p className="muted">{t('imp.intro')}</p>
      <div className="card">
        <label htmlFor="imports-kind">{t('imports.kind')}</label>
        <select
          id="imports-kind"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as Kind);
            changed('');
          }}
        >
          <option value="">{t('form.choose')}</option>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`imports.kind.${k}`)}
            </option>
          ))}
        </select>
        {kind && (
          <>
            <p className="muted small">{t(`imports.about.${kind}`)}</p>
            <button type="button" onClick={() => void template()}>
              {t('imp.template')}
            </button>
            <label htmlFor="imports-file">{t('imp.file')}</label>
            <input id="imports-file" type="file" accept=".csv,text/csv" onChange={(e) => void e.target.files?.[0]?.text().then(changed)} />
            <label htmlFor="imports-csv">{t('imp.csv')}</label>
            <textarea id="imports-csv" rows={8} spellCheck={false} value={csv} onChange={(e) => changed(e.target.value)} className="mono" />
            <div className="row">
              <button type="button" disabled={busy || !csv.trim()} onClick={() => void send(true)}>
                {t('imp.check')}
              </button>
              <button type="button" className="primary" disabled={busy || !checked || job !== undefined} onClick={() => void send(false)}>
                {t('imp.import')}
              </button>
            </div>
            {!checked && !done && !job && <p className="muted small">{t('imp.checkFirst')}</p>}
          </>
        )}
      </div>
      <FieldError error={error} />
      {rejected && (
        <section className="card" role="alert" aria-labelledby="imports-rej-h">
          <h2 id="imports-rej-h">{t('imp.rejected', { count: rejected.length })}</h2>
          <p>{t('imp.nothingWritten')}</p>
          <RejectedRows rows={rejected} />
        </section>
      )}
      {checked && !done && !job && (
        <p role="status" className="notice ok">
          {t('imp.valid', { count: checked.valid })}
        </p>
      )}
      {done && (
        <p role="status" className="notice ok">
          {t('imports.done', { imported: done.imported, same: done.valid - done.imported })}
        </p>
      )}
      {job && <JobProgress job={job} />}
    </section>
  );
}

function JobProgress({ job }: { job: ImportJobView }) {
  const { t } = useApp();
  return (
    <section className="card" aria-labelledby="imports-job-h" aria-live="polite">
      <h2 id="imports-job-h">{t('imports.jobTitle')}</h2>
      {job.status === 'QUEUED' && <p>{t('imports.queued')}</p>}
      {(job.status === 'RUNNING' || job.status === 'QUEUED') && (
        <>
          <progress max={job.total} value={job.done} aria-label={t('imports.progress', { done: job.done, total: job.total })} />
          <p>{t('imports.progress', { done: job.done, total: job.total })}</p>
        </>
      )}
      {job.status === 'DONE' && (
        <p role="status" className="notice ok">
          {t('imports.done', { imported: job.imported, same: job.total - job.imported - job.rejected.length })}
        </p>
      )}
      {job.status === 'FAILED' && <p role="alert">{t('imports.failed')}</p>}
      {job.rejected.length > 0 && (
        <>
          <h3>{t('imports.rejectedWhileWriting')}</h3>
          <RejectedRows rows={job.rejected} />
        </>
      )}
    </section>
  );
}

function RejectedRows({ rows }: { rows: ImportRejection[] }) {
  const { t, tx } = useApp();
  return (
    <div className="table-wrap">
      <table className="data" data-testid="rejected">
        <ColumnHeads columns={[t('imp.row'), t('imp.column'), t('imp.reason')]} />
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td>{r.row}</td>
              <td>{r.column ? fieldLabel(r.column, tx) : '—'}</td>
              <td>{r.key ? tx(r.key, r.reason, { ...r.params, field: r.column ? fieldLabel(r.column, tx) : '' }) : r.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
