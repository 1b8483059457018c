import { useState } from 'react';
import type { AccessEntryView, Page } from '@raksha/contracts';
import { formatDateTime, humanize } from '../lib/i18n.js';
import { ApiError } from '../lib/api.js';
import { Link, PageTitle, PagedList } from './bits.js';
import { useApp, usePages } from './context.js';

/** Which record's log, or whose reads. */
export type AccessLogSubject = { kind: 'case' | 'report'; id: string } | { kind: 'person'; id: string };

const PATH = { case: 'cases', report: 'reports', person: 'people' } as const;

/**
 * Who read or changed a child's record, or what one person read: each line says who, in which role and body,
 * did what, when and from which address. The API records this very look on the trail.
 */
export function AccessLog({ subject }: { subject: AccessLogSubject }) {
  const { t, api } = useApp();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [applied, setApplied] = useState({ from: '', to: '' });
  const pages = usePages<AccessEntryView>(async (cursor) => {
    const q = new URLSearchParams({ limit: '25', ...(applied.from && { from: applied.from }), ...(applied.to && { to: applied.to }), ...(cursor && { cursor }) });
    return api.get<Page<AccessEntryView>>(`/${PATH[subject.kind]}/${subject.id}/access-log?${q}`);
  }, [subject.kind, subject.id, applied.from, applied.to]);

  if (pages.first.error instanceof ApiError && pages.first.error.status === 404) return <p role="alert">{t('log.notFound')}</p>;
  const personName = subject.kind === 'person' ? pages.first.data?.find((e) => e.who?.id === subject.id)?.who?.name : undefined;
  return (
    <section aria-labelledby="page-title">
      <PageTitle>{subject.kind === 'person' ? (personName ? t('log.personTitle', { name: personName }) : t('log.personTitleUnnamed')) : t('log.recordTitle')}</PageTitle>
      <p className="muted">{t(subject.kind === 'person' ? 'log.personIntro' : 'log.recordIntro')}</p>
      <form
        className="card row"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied({ from, to });
        }}
      >
        <div>
          <label htmlFor="log-from">{t('log.from')}</label>
          <input id="log-from" type="date" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div>
          <label htmlFor="log-to">{t('log.to')}</label>
          <input id="log-to" type="date" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} />
        </div>
        <button type="submit">{t('log.show')}</button>
      </form>
      <PagedList pages={pages} empty={t('log.empty')} label={t('log.listLabel')}>
        {(e) => <EntryLine key={`${e.at}|${e.action}|${e.who?.id ?? ''}|${e.record?.id ?? ''}`} entry={e} showWho={subject.kind !== 'person'} />}
      </PagedList>
    </section>
  );
}

function EntryLine({ entry, showWho }: { entry: AccessEntryView; showWho: boolean }) {
  const { t, tx, lang } = useApp();
  const what = whatWasDone(entry, t, tx);
  const roles = entry.who?.roles.map((r) => tx(`role.${r}`, humanize(r))).join(', ');
  return (
    <li className="log-entry" data-testid="log-entry">
      <p>
        {showWho ? (
          entry.who ? (
            <>
              <Link to={`/access-log/people/${entry.who.id}`}>{entry.who.name}</Link> <span className="muted">({[roles, entry.body?.name].filter(Boolean).join(', ')})</span>
            </>
          ) : (
            <strong>{t('log.system')}</strong>
          )
        ) : null}{' '}
        {what}
        {entry.record?.id && (entry.record.type === 'case' || entry.record.type === 'report') && !showWho && (
          <>
            {' · '}
            <Link to={`/access-log/${entry.record.type === 'case' ? 'cases' : 'reports'}/${entry.record.id}`}>{t('log.whoElse')}</Link>
          </>
        )}
      </p>
      <p className="muted small">
        {formatDateTime(lang, entry.at)}
        {entry.from && <> · {t('log.fromAddress', { address: entry.from })}</>}
      </p>
    </li>
  );
}

/** The entry in plain words: "opened the child's case", "saw the child in a list of 12 cases", "Produced before the CWC". */
function whatWasDone(entry: AccessEntryView, t: ReturnType<typeof useApp>['t'], tx: ReturnType<typeof useApp>['tx']): string {
  if (entry.kind === 'CHANGE') {
    const change = entry.event ? tx(`event.${entry.event}`, humanize(entry.event)) : tx(`log.action.${entry.action}`, t('log.changed'));
    return t('log.didChange', { change });
  }
  if (entry.kind === 'ACCESS_LOG') return t(entry.record?.type === 'person' ? 'log.readPersonLog' : 'log.readRecordLog');
  if (entry.record && entry.record.id === null) return t(entry.record.type === 'report' ? 'log.sawInReports' : 'log.sawInCases', { count: entry.record.count });
  return tx(`log.action.${entry.action}`, t('log.read'));
}
