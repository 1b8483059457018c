import { useState, type FormEvent } from 'react';
import { type CaseDocumentView, type DocumentVerification, UPLOAD_KINDS } from '@raksha/contracts';
import { hasPermission, type Role } from '@raksha/domain';
import { formatDate, type MessageKey } from '../lib/i18n.js';
import { errorText, Show } from './bits.js';
import { useApp, useLoad } from './context.js';

/** The case's orders (each in English and Hindi) and uploaded reports: open one, check it is unaltered, upload a report. */
export function DocumentsSection({ caseId }: { caseId: string }) {
  const { t, tx, lang, api, session, online } = useApp();
  const docs = useLoad(() => api.get<CaseDocumentView[]>(`/cases/${caseId}/documents`), [caseId]);
  const [kind, setKind] = useState<string>('SIR');
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [msg, setMsg] = useState<{ ok: boolean; text: string }>();
  const [checks, setChecks] = useState<Record<string, boolean>>({});
  const mayUpload = hasPermission(session.user.roles as Role[], 'document:upload');

  async function open(d: CaseDocumentView) {
    setMsg(undefined);
    try {
      const { blob, filename } = await api.file(`/cases/${caseId}/documents/${d.id}`);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = filename ?? 'document';
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setMsg({ ok: false, text: errorText(err, tx) });
    }
  }

  async function verify(d: CaseDocumentView) {
    try {
      const v = await api.get<DocumentVerification>(`/cases/${caseId}/documents/${d.id}/verify`);
      setChecks((c) => ({ ...c, [d.id]: v.verified }));
    } catch (err) {
      setMsg({ ok: false, text: errorText(err, tx) });
    }
  }

  async function upload(e: FormEvent) {
    e.preventDefault();
    setMsg(undefined);
    if (!online) return setMsg({ ok: false, text: t('register.needsConnection') });
    const form = new FormData();
    form.append('kind', kind);
    form.append('title', title.trim());
    if (file) form.append('file', file);
    try {
      await api.upload(`/cases/${caseId}/documents`, form);
      setTitle('');
      setFile(null);
      (e.target as HTMLFormElement).reset();
      setMsg({ ok: true, text: t('docs.uploaded') });
      docs.reload();
    } catch (err) {
      setMsg({ ok: false, text: errorText(err, tx) });
    }
  }

  return (
    <section className="card" aria-labelledby="docs-h">
      <h2 id="docs-h">{t('docs.title')}</h2>
      <Show loaded={docs}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">
              {t('docs.empty')} {t('docs.pending')}
            </p>
          ) : (
            <ul className="plain">
              {list.map((d) => (
                <li key={d.id}>
                  <strong>{d.title}</strong> · {t(`docs.kind.${d.kind}` as MessageKey)}
                  {d.form && <> · {t('docs.form', { form: d.form.replace('F.', '') })}</>}
                  {d.language && <> · {t(`docs.lang.${d.language}` as MessageKey)}</>} · <span className="muted">{formatDate(lang, d.createdAt)}</span>
                  {d.createdBy && <span className="muted"> · {t('docs.by', { name: d.createdBy })}</span>}
                  {d.sealed && <span className="muted"> · {t('docs.sealed')}</span>}
                  <div>
                    <button type="button" onClick={() => void open(d)}>
                      {t('docs.open')}
                    </button>{' '}
                    <button type="button" onClick={() => void verify(d)}>
                      {t('docs.verify')}
                    </button>{' '}
                    {checks[d.id] !== undefined && (
                      <span role="status" className={checks[d.id] ? '' : 'field-error'}>
                        {checks[d.id] ? t('docs.verified') : t('docs.altered')}
                      </span>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </Show>
      {mayUpload && (
        <form onSubmit={upload} className="efile-form">
          <h3>{t('docs.upload')}</h3>
          <label htmlFor="doc-kind">{t('docs.field.kind')}</label>
          <select id="doc-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            {UPLOAD_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`docs.kind.${k}` as MessageKey)}
              </option>
            ))}
          </select>
          <label htmlFor="doc-title">{t('docs.field.title')}</label>
          <input id="doc-title" required minLength={3} maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
          <label htmlFor="doc-file">{t('docs.field.file')}</label>
          <input id="doc-file" type="file" required accept="application/pdf,image/jpeg,image/png" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          <button type="submit" className="primary">
            {t('common.submit')}
          </button>
          {msg && (
            <p role={msg.ok ? 'status' : 'alert'} className={msg.ok ? '' : 'field-error'}>
              {msg.text}
            </p>
          )}
        </form>
      )}
      {!mayUpload && msg && (
        <p role="alert" className="field-error">
          {msg.text}
        </p>
      )}
    </section>
  );
}
