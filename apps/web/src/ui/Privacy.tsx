// The Digital Personal Data Protection Act 2023 in the web app: the notice a citizen reads before filing (and again
// later at /privacy), their own report's data (correct, erase once closed), and the retention schedule for administrators.
import { useState, type FormEvent } from 'react';
import type { OwnReportView, PrivacyNoticeView, RetentionView } from '@raksha/contracts';
import { formatDate, formatDateTime } from '../lib/i18n.js';
import { FieldLabel, Link, PageTitle, Show, useSubmit } from './bits.js';
import { useApp, useLoad } from './context.js';

const YEAR_DAYS = 365;

/** What is kept, why, for how long, and the citizen's rights, in the reader's language (facts from GET /privacy/notice). */
export function PrivacyNotice({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t, api } = useApp();
  const notice = useLoad(() => api.get<PrivacyNoticeView>('/privacy/notice'), []);
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <Show loaded={notice}>
      {(n) => (
        <div className="privacy-notice" data-testid="privacy-notice">
          <H>{t('privacy.kept.h')}</H>
          <p>{t('privacy.kept')}</p>
          <H>{t('privacy.why.h')}</H>
          <p>{t('privacy.why')}</p>
          <H>{t('privacy.howLong.h')}</H>
          <p>{t('privacy.howLong', { years: Math.round((n.reportRetentionDays ?? 0) / YEAR_DAYS) })}</p>
          <H>{t('privacy.rights.h')}</H>
          <p>{t('privacy.rights')}</p>
          <p>{t('privacy.grievance', { contact: n.grievanceContact, days: n.grievanceAnswerDays })}</p>
        </div>
      )}
    </Show>
  );
}

/** /privacy: the notice, reachable at any time after filing. */
export function PrivacyPage() {
  const { t } = useApp();
  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t('privacy.title')}</PageTitle>
      <p className="muted">{t('privacy.intro')}</p>
      <div className="card">
        <PrivacyNotice />
      </div>
      <Link to="/reports">{t('rep.mine')}</Link>
    </section>
  );
}

/** The citizen's own report: the notice they acknowledged, a correction of what they gave, and erasure once closed. */
export function OwnReportData({ reportId, onChanged }: { reportId: string; onChanged(): void }) {
  const { t, lang, api } = useApp();
  const own = useLoad(() => api.get<OwnReportView>(`/me/reports/${reportId}`), [reportId]);
  const changed = () => {
    own.reload();
    onChanged();
  };
  return (
    <Show loaded={own}>
      {(r) => (
        <section className="card" aria-labelledby="own-data-h" data-testid="own-report-data">
          <h2 id="own-data-h">{t('privacy.mine.h')}</h2>
          <p className="muted">
            {r.privacyNotice ? t('privacy.acknowledged', { version: r.privacyNotice.version, date: formatDateTime(lang, r.privacyNotice.acknowledgedAt) }) : t('privacy.noAck')}{' '}
            <Link to="/privacy">{t('privacy.readAgain')}</Link>
          </p>
          {r.erasure ? (
            <p role="status">{t(r.erasure.keptWithCase ? 'privacy.erasedWithCase' : 'privacy.erased', { date: formatDate(lang, r.erasure.erasedAt) })}</p>
          ) : (
            <>
              {r.mayCorrect && <CorrectionForm r={r} onDone={changed} />}
              {r.mayErase ? <Erasure r={r} onDone={changed} /> : <p className="muted">{t('privacy.eraseWhenClosed')}</p>}
            </>
          )}
        </section>
      )}
    </Show>
  );
}

function CorrectionForm({ r, onDone }: { r: OwnReportView; onDone(): void }) {
  const { t, api } = useApp();
  const [name, setName] = useState(r.child.name ?? '');
  const [marks, setMarks] = useState(r.child.identifyingMarks ?? '');
  const [clothing, setClothing] = useState(r.child.clothing ?? '');
  const [placeText, setPlaceText] = useState(r.place.text ?? '');
  const [done, setDone] = useState(false);
  const { error, busy, run } = useSubmit();
  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const child = {
      ...(name.trim() && name.trim() !== (r.child.name ?? '') && { name: name.trim() }),
      ...(marks.trim() && marks.trim() !== (r.child.identifyingMarks ?? '') && { identifyingMarks: marks.trim() }),
      ...(clothing.trim() && clothing.trim() !== (r.child.clothing ?? '') && { clothing: clothing.trim() }),
    };
    const body = { ...(Object.keys(child).length > 0 && { child }), ...(placeText.trim() && placeText.trim() !== (r.place.text ?? '') && { placeText: placeText.trim() }) };
    if (Object.keys(body).length === 0) return;
    await run(async () => {
      await api.patch<OwnReportView>(`/me/reports/${r.id}`, body);
      setDone(true);
      onDone();
    });
  }
  return (
    <details>
      <summary>{t('privacy.correct')}</summary>
      <form onSubmit={submit} noValidate>
        <p className="muted">{t('privacy.correctIntro')}</p>
        <FieldLabel htmlFor="own-name" optional>{t('child.name')}</FieldLabel>
        <input id="own-name" value={name} onChange={(e) => setName(e.target.value)} />
        <FieldLabel htmlFor="own-marks" optional>{t('child.marks')}</FieldLabel>
        <textarea id="own-marks" rows={2} value={marks} onChange={(e) => setMarks(e.target.value)} />
        <FieldLabel htmlFor="own-clothing" optional>{t('child.clothing')}</FieldLabel>
        <textarea id="own-clothing" rows={2} value={clothing} onChange={(e) => setClothing(e.target.value)} />
        <FieldLabel htmlFor="own-place" optional>{t('rep.placeText')}</FieldLabel>
        <input id="own-place" value={placeText} onChange={(e) => setPlaceText(e.target.value)} />
        {error && <p role="alert" className="field-error">{error}</p>}
        {done && <p role="status">{t('privacy.corrected')}</p>}
        <button type="submit" disabled={busy}>
          {t('privacy.correctSubmit')}
        </button>
      </form>
    </details>
  );
}

function Erasure({ r, onDone }: { r: OwnReportView; onDone(): void }) {
  const { t, api } = useApp();
  const { error, busy, run } = useSubmit();
  return (
    <details>
      <summary>{t('privacy.erase')}</summary>
      <p>{t('privacy.eraseIntro')}</p>
      {error && <p role="alert" className="field-error">{error}</p>}
      <button type="button" className="danger" disabled={busy} onClick={() => void run(async () => (await api.post<OwnReportView>(`/me/reports/${r.id}/erasure`, {}), onDone()))}>
        {t('privacy.eraseConfirm')}
      </button>
    </details>
  );
}

/** Administration: how long each kind of record is kept, what happens then, under which law; the daily job's runs. */
export function RetentionSchedule() {
  const { t, tx, lang, api } = useApp();
  const retention = useLoad(() => api.get<RetentionView>('/administration/retention'), []);
  return (
    <section className="card" aria-labelledby="retention-h" data-testid="retention">
      <h2 id="retention-h">{t('retention.title')}</h2>
      <p className="muted">{t('retention.intro')}</p>
      <Show loaded={retention}>
        {(v) => (
          <>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('retention.col.record')}</th>
                  <th scope="col">{t('retention.col.action')}</th>
                  <th scope="col">{t('retention.col.period')}</th>
                  <th scope="col">{t('retention.col.law')}</th>
                </tr>
              </thead>
              <tbody>
                {v.rules.map((rule) => (
                  <tr key={rule.recordType}>
                    <td>{tx(`retention.type.${rule.recordType}`, rule.recordType)}</td>
                    <td>{tx(`retention.action.${rule.action}`, rule.action)}</td>
                    <td>{rule.days === null ? t('retention.noPeriod') : t('retention.days', { days: rule.days })}</td>
                    <td>{rule.citation}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h3>{t('retention.runs')}</h3>
            {v.runs.length === 0 ? (
              <p>{t('retention.noRuns')}</p>
            ) : (
              <ul className="plain">
                {v.runs.map((run) => (
                  <li key={run.ranAt}>{t('retention.run', { date: formatDateTime(lang, run.ranAt), count: Object.values(run.outcome).reduce((a, b) => a + b, 0) })}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </Show>
    </section>
  );
}
