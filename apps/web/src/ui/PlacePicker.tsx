import type { DistrictPlace, StatePlace } from '@raksha/contracts';
import type { Api } from '../lib/api.js';
import { useApp, useLoad } from './context.js';

export interface Place {
  stateCode: string;
  districtCode: string;
}

// One read per list per page load: the lists change by government notification, not while someone works.
const lists = new Map<string, Promise<unknown>>();
function placeList<T>(api: Api, path: string): Promise<T> {
  let list = lists.get(path);
  if (!list) {
    list = api.get<T>(path);
    lists.set(path, list);
    list.catch(() => lists.delete(path)); // a failed read is tried again next time
  }
  return list as Promise<T>;
}

/**
 * State, then district, picked by name instead of typed as codes. `fixedStateCode` (a state or district
 * user's own state) hides the state; `required` makes a district compulsory. If the lists cannot be read
 * (a weak link), the district falls back to a typed code, so no form is blocked by a picker.
 */
export function PlacePicker({
  idPrefix,
  value,
  onChange,
  fixedStateCode,
  required = false,
}: {
  idPrefix: string;
  value: Place;
  onChange(next: Place): void;
  fixedStateCode?: string | null;
  required?: boolean;
}) {
  const { t, api } = useApp();
  const stateCode = fixedStateCode || value.stateCode;
  const states = useLoad(() => (fixedStateCode ? Promise.resolve([]) : placeList<StatePlace[]>(api, '/places/states')), [fixedStateCode]);
  const districts = useLoad(
    () => (stateCode ? placeList<DistrictPlace[]>(api, `/places/states/${encodeURIComponent(stateCode)}/districts`) : Promise.resolve([])),
    [stateCode],
  );
  const none = <option value="">{required ? t('place.choose') : t('search.any')}</option>;
  // while a list loads (or if it lacks it), the chosen code still shows
  const current = (code: string, list: { code: string }[] | undefined) => (code && !list?.some((p) => p.code === code) ? <option value={code}>{code}</option> : null);
  const failed = states.error ?? districts.error;

  return (
    <>
      {!fixedStateCode && (
        <div className="field">
          <label htmlFor={`${idPrefix}-state`}>{t('search.state')}</label>
          <select id={`${idPrefix}-state`} value={value.stateCode} required={required} onChange={(e) => onChange({ stateCode: e.target.value, districtCode: '' })}>
            {none}
            {current(value.stateCode, states.data)}
            {states.data?.map((s) => (
              <option key={s.code} value={s.code}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${idPrefix}-district`}>{t('search.district')}</label>
        {failed ? (
          <input
            id={`${idPrefix}-district`}
            value={value.districtCode}
            required={required}
            autoCapitalize="characters"
            placeholder="RJ-JAIPUR"
            aria-describedby={`${idPrefix}-district-hint`}
            onChange={(e) => onChange({ stateCode, districtCode: e.target.value.trim().toUpperCase() })}
          />
        ) : (
          <select id={`${idPrefix}-district`} value={value.districtCode} required={required} disabled={!stateCode} onChange={(e) => onChange({ stateCode, districtCode: e.target.value })}>
            {none}
            {current(value.districtCode, districts.data)}
            {districts.data?.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        )}
        {failed && (
          <p id={`${idPrefix}-district-hint`} className="muted small" role="status">
            {t('place.listFailed')}
          </p>
        )}
      </div>
    </>
  );
}
