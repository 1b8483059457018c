import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { placeKindsOf, type CaseEventType } from '@raksha/case-machine';
import { buildPayload, domainKey, eventFields, validatePayload, type FormField, type FormValues } from '../lib/forms.js';
import { citationOf, eventsOfState, sendableBy } from '../lib/case-stage.js';
import { humanize, type MessageKey } from '../lib/i18n.js';
import type { BodyView, FieldIssue, InstitutionView, Page } from '@raksha/contracts';
import { dayInIndia, type BodyType, type Role } from '@raksha/domain';
import { ConfirmStep, FieldError, FieldLabel, Show, issueText } from './bits.js';
import { useApp, useLoad, useOutboxItems } from './context.js';
import { OutboxItemView } from './Outbox.js';

/** Events that cannot be undone, asked about before they are sent: the words of the question. */
const ASK_FIRST: Partial<Record<CaseEventType, { title: MessageKey; text: MessageKey; yes: MessageKey }>> = {
  CLOSE_CASE: { title: 'case.closeAsk', text: 'case.closeWhat', yes: 'case.closeYes' },
};

/** What an order says about the place it names. */
const PLACE_FIELDS = ['placeId', 'overCapacityReason', 'outOfDistrictReason'];

/**
 * The case page's actions, loaded after its first paint (CasePage.tsx): of the events the API says the case can take
 * now (`allowed`), else those the machine has for its state, the ones the person may send.
 */
export function CaseActions({ allowed, ...rest }: { caseId: string; version: number; state: string; childName?: string | null; allowed: readonly string[] | undefined }) {
  const { session } = useApp();
  const events = sendableBy(allowed ?? eventsOfState(rest.state), session.user.roles as Role[], session.user.body?.type as BodyType | undefined);
  return <EventComposer {...rest} events={events} exact={allowed !== undefined} />;
}

/** The actions the case can take now and the person may send, each a form generated from the machine's schema. */
export function EventComposer({ caseId, version, state, childName, events, exact }: { caseId: string; version: number; state: string; childName?: string | null; events: CaseEventType[]; exact: boolean }) {
  const { t, tx, outbox, session, online, flush, lastStatus } = useApp();
  const [type, setType] = useState<CaseEventType | ''>('');
  const [values, setValues] = useState<FormValues>({});
  const [errors, setErrors] = useState<Record<string, FieldIssue>>({});
  const [message, setMessage] = useState<string>();
  // how many times the form was sent with fields to correct (0: none now): each time, the focus goes to the first
  const [invalid, setInvalid] = useState(0);
  // an event that cannot be undone, checked and waiting for "Yes"
  const [asking, setAsking] = useState<{ type: CaseEventType; payload: Record<string, unknown>; times: number }>();
  const sendButton = useRef<HTMLButtonElement>(null);
  // a change to the form after the question was asked withdraws it: "Yes" sends only what was asked about
  const edit = (next: FormValues) => {
    setValues(next);
    setAsking(undefined);
  };
  const items = useOutboxItems(caseId);
  // An order placing the child nowhere (with the parents, restoration) asks nothing about a place.
  const placesNowhere = type ? placeKindsOf(type, values) === null : false;
  const fields = type ? eventFields(type).filter((f) => !(placesNowhere && PLACE_FIELDS.includes(f.name))) : [];
  const eventName = (e: string) => tx(`event.${e}`, humanize(e));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!type) return;
    const payload = buildPayload(fields, values);
    // A place picked for another kind of order is not this order's: an order placing the child nowhere names none.
    if (placeKindsOf(type, payload) === null) for (const f of PLACE_FIELDS) delete payload[f];
    const problems = validatePayload(type, payload);
    setErrors(problems);
    setMessage(undefined);
    if (Object.keys(problems).length) {
      setAsking(undefined);
      setInvalid((n) => n + 1);
      return;
    }
    setInvalid(0);
    if (ASK_FIRST[type]) {
      // asked again (the button pressed again): the question takes the focus again
      setAsking((asked) => ({ type, payload, times: (asked?.times ?? 0) + 1 }));
      return;
    }
    await sendEvent(type, payload);
  }

  /** Queues the event on the device (the outbox), then sends what waits there if the connection allows. */
  async function sendEvent(eventType: CaseEventType, payload: Record<string, unknown>) {
    setAsking(undefined);
    outbox.add({ userId: session.user.id, caseId, type: eventType, payload, expectedVersion: version, seenState: state, ...(childName && { label: childName }) });
    setType('');
    setValues({});
    if (!online || !navigator.onLine) {
      setMessage(t('case.queued'));
      return;
    }
    setMessage(undefined);
    await flush();
  }

  const status = lastStatus[caseId];
  return (
    <section className="card actions" aria-labelledby="actions-h">
      <h2 id="actions-h">{t('case.actions')}</h2>
      {items.map((i) => (
        <OutboxItemView key={i.id} item={i} />
      ))}
      {message && (
        <p role="status" className="notice">
          {message}
        </p>
      )}
      {status && status.sequence === version && !message && items.length === 0 && (
        <p role="status" className="notice ok">
          {t('case.sent', { stage: tx(`state.${status.state}`, status.label) })}
        </p>
      )}
      {events.length === 0 ? (
        <p className="muted">{t('case.actionsNone')}</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <p className="muted">{t(exact ? 'case.actionsExact' : 'case.actionsLikely')}</p>
          <label htmlFor="event-type">{t('case.chooseAction')}</label>
          <select
            id="event-type"
            value={type}
            onChange={(e) => {
              setType(e.target.value as CaseEventType);
              setValues({});
              setErrors({});
              setMessage(undefined);
              setInvalid(0);
              setAsking(undefined);
            }}
          >
            <option value="">{t('case.chooseActionPrompt')}</option>
            {events.map((e) => (
              <option key={e} value={e}>
                {eventName(e)}
                {citationOf(e) ? ` (${citationOf(e)})` : ''}
              </option>
            ))}
          </select>
          {fields.map((f) =>
            f.kind === 'place' ? (
              <PlaceField key={f.name} type={type as CaseEventType} values={values} setValues={edit} error={errors[f.name] && issueText(errors[f.name]!, tx)} />
            ) : (
              <Field key={f.name} field={f} values={values} setValues={edit} error={errors[f.name] && issueText(errors[f.name]!, tx)} />
            ),
          )}
          <FieldError key={invalid} error={invalid ? t('case.invalid') : undefined} />
          {type && (
            <button type="submit" className="primary" ref={sendButton}>
              {t('case.send')}: {eventName(type)}
            </button>
          )}
          {asking && ASK_FIRST[asking.type] && (
            <ConfirmStep
              key={asking.times}
              id="ask-event"
              title={t(ASK_FIRST[asking.type]!.title)}
              text={t(ASK_FIRST[asking.type]!.text)}
              yes={t(ASK_FIRST[asking.type]!.yes)}
              onYes={() => void sendEvent(asking.type, asking.payload)}
              onBack={() => setAsking(undefined)}
              returnTo={sendButton}
            />
          )}
        </form>
      )}
    </section>
  );
}

/**
 * The place an order names, chosen from the registry: the registered places of the kinds the order allows (a
 * children's home for a children's home order, a foster family for foster care), as the API will check them.
 * An order that places the child in no registered place (with the parents, restoration) asks for none.
 */
function PlaceField({ type, values, setValues, error }: { type: CaseEventType; values: FormValues; setValues(v: FormValues): void; error?: string }) {
  const { t, tx, api } = useApp();
  const kinds = placeKindsOf(type, values);
  const places = useLoad(() => api.get<Page<InstitutionView>>('/institutions?limit=100'), []);
  if (!kinds) return null;
  const id = 'f-placeId';
  const errorId = error ? `${id}-error` : undefined;
  const fitting = (places.data?.items ?? []).filter((p) => kinds.includes(p.kind) && p.registration.status !== 'EXPIRED' && p.registration.status !== 'UNREGISTERED');
  return (
    <div className="field">
      <FieldLabel htmlFor={id} optional={false}>
        {t('field.placeId')}
      </FieldLabel>
      <select id={id} name="placeId" required aria-invalid={error ? true : undefined} aria-describedby={errorId} value={values.placeId ?? ''} onChange={(e) => setValues({ ...values, placeId: e.target.value })}>
        <option value="">{places.data ? t('form.choose') : t('common.loading')}</option>
        {fitting.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name} ({tx(`inst.kind.${p.kind}`, humanize(p.kind))})
          </option>
        ))}
      </select>
      {places.data && fitting.length === 0 && <p className="muted small">{t('form.noPlace', { kinds: kinds.map((k) => tx(`inst.kind.${k}`, humanize(k))).join(', ') })}</p>}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

function Field({ field, values, setValues, error }: { field: FormField; values: FormValues; setValues(v: FormValues): void; error?: string }) {
  const { t, tx } = useApp();
  const id = `f-${field.name}`;
  const label = tx(`field.${field.name}`, humanize(field.name));
  const set = (key: string, v: string) => setValues({ ...values, [key]: v });
  const errorId = error ? `${id}-error` : undefined;
  const common = { id, name: field.name, 'aria-invalid': error ? true : undefined, 'aria-describedby': errorId, required: field.required };
  const labelEl = (
    <FieldLabel htmlFor={id} optional={!field.required}>
      {label}
    </FieldLabel>
  );
  const errorEl = error && (
    <p id={errorId} className="field-error">
      {error}
    </p>
  );
  switch (field.kind) {
    case 'enum':
      return (
        <div className="field">
          {labelEl}
          <select {...common} value={values[field.name] ?? ''} onChange={(e) => set(field.name, e.target.value)}>
            <option value="">{t('form.choose')}</option>
            {field.options.map((o) => (
              <option key={o} value={o}>
                {field.name === 'deadlineId' ? tx(`deadline.${o}`, humanize(o)) : tx(`option.${o}`, humanize(o))}
              </option>
            ))}
          </select>
          {errorEl}
        </div>
      );
    case 'boolean':
      return (
        <div className="field">
          {labelEl}
          <select {...common} value={values[field.name] ?? ''} onChange={(e) => set(field.name, e.target.value)}>
            <option value="">{t('form.choose')}</option>
            <option value="true">{t('form.yes')}</option>
            <option value="false">{t('form.no')}</option>
          </select>
          {errorEl}
        </div>
      );
    case 'number':
      return (
        <div className="field">
          {labelEl}
          <input
            {...common}
            type="number"
            inputMode="numeric"
            step={field.integer ? 1 : 'any'}
            min={field.min}
            max={field.max}
            value={values[field.name] ?? ''}
            onChange={(e) => set(field.name, e.target.value)}
          />
          {errorEl}
        </div>
      );
    case 'date':
      return (
        <div className="field">
          {labelEl}
          <input {...common} type="date" value={values[field.name] ?? ''} onChange={(e) => set(field.name, e.target.value)} />
          {errorEl}
        </div>
      );
    case 'perDomain':
      return (
        <fieldset className="field" aria-describedby={errorId}>
          <legend>{label}</legend>
          {field.domains.map((d) => {
            const domain = tx(`icp.domain.${d}`, humanize(d));
            if (field.entry === 'goal') {
              const key = domainKey(field.name, d);
              return (
                <div key={d}>
                  <label htmlFor={`${id}-${d}`}>{t('form.goalFor', { domain })}</label>
                  <input id={`${id}-${d}`} value={values[key] ?? ''} onChange={(e) => set(key, e.target.value)} />
                </div>
              );
            }
            const sKey = domainKey(field.name, d, 'status');
            const nKey = domainKey(field.name, d, 'note');
            return (
              <div key={d} className="pair">
                <label htmlFor={`${id}-${d}`}>{t('form.progressFor', { domain })}</label>
                <select id={`${id}-${d}`} value={values[sKey] ?? ''} onChange={(e) => set(sKey, e.target.value)}>
                  <option value="">{t('form.choose')}</option>
                  {field.statuses.map((s) => (
                    <option key={s} value={s}>
                      {tx(`option.${s}`, humanize(s))}
                    </option>
                  ))}
                </select>
                <label htmlFor={`${id}-${d}-note`}>{t('form.noteFor', { domain })}</label>
                <input id={`${id}-${d}-note`} value={values[nKey] ?? ''} onChange={(e) => set(nKey, e.target.value)} />
              </div>
            );
          })}
          {errorEl}
        </fieldset>
      );
    case 'members':
      return <RosterChoice id={id} label={label} name={field.name} values={values} set={set} errorId={errorId} errorEl={errorEl} />;
    case 'place':
      return null; // PlaceField, which knows the order's kinds
    default:
      return (
        <div className="field">
          {labelEl}
          {field.long ? (
            <textarea {...common} rows={3} minLength={field.minLength} value={values[field.name] ?? ''} onChange={(e) => set(field.name, e.target.value)} />
          ) : (
            <input {...common} minLength={field.minLength} value={values[field.name] ?? ''} onChange={(e) => set(field.name, e.target.value)} />
          )}
          {errorEl}
        </div>
      );
  }
}


/**
 * Members of the sender's body, ticked from its roster: those whose term of office covers today (s.38(4): the
 * members on the Committee's roster at the time decide). The value is their seats, comma-joined, for the payload.
 */
function RosterChoice(props: { id: string; label: string; name: string; values: FormValues; set(key: string, v: string): void; errorId: string | undefined; errorEl: ReactNode }) {
  const { id, label, name, values, set, errorId, errorEl } = props;
  const { t, tx, api, session } = useApp();
  const bodyId = session.user.body?.id;
  const roster = useLoad(async () => (bodyId ? (await api.get<BodyView>(`/bodies/${encodeURIComponent(bodyId)}`)).members : []), [bodyId]);
  const chosen = new Set((values[name] ?? '').split(',').filter(Boolean));
  const toggle = (seat: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(seat);
    else next.delete(seat);
    set(name, [...next].join(','));
  };
  const today = dayInIndia();
  return (
    <fieldset className="field" aria-describedby={errorId} id={id}>
      <legend>{label}</legend>
      <Show loaded={roster}>
        {(members) => {
          const sitting = members.filter((m) => m.termFrom <= today && (m.termTo === null || m.termTo >= today));
          return sitting.length === 0 ? (
            <p className="muted">{t('form.noMembersInTerm')}</p>
          ) : (
            sitting.map((m) => (
              <label key={m.id} className="check">
                <input type="checkbox" name={name} value={m.id} checked={chosen.has(m.id)} onChange={(e) => toggle(m.id, e.target.checked)} /> {m.name}{' '}
                <span className="muted">({tx(`bodies.designation.${m.designation}`, humanize(m.designation))})</span>
              </label>
            ))
          );
        }}
      </Show>
      {errorEl}
    </fieldset>
  );
}
