import type { DistrictPlace, LocalPlace, StatePlace } from '@raksha/contracts';
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

/** A state's name from the places list (its code until the list is read, or if it cannot be). */
export function useStateName(stateCode: string | null): string {
  const { api } = useApp();
  const states = useLoad(() => (stateCode ? placeList<StatePlace[]>(api, '/places/states') : Promise.resolve([])), [stateCode]);
  return states.data?.find((s) => s.code === stateCode)?.name ?? stateCode ?? '';
}

/**
 * A district's name from the places list: people read names, not codes. Nothing while the list is read (one read a
 * page load); its code only if the list cannot be read (a weak link) or does not name it.
 */
export function useDistrictName(districtCode: string): string {
  const { api } = useApp();
  // A district's code starts with its state's (RJ-JAIPUR): the state's list holds its name.
  const stateCode = districtCode.split('-')[0] ?? '';
  const districts = useLoad(() => (stateCode ? placeList<DistrictPlace[]>(api, `/places/states/${encodeURIComponent(stateCode)}/districts`) : Promise.resolve([])), [stateCode]);
  if (districts.error) return districtCode;
  return districts.data ? (districts.data.find((d) => d.code === districtCode)?.name ?? districtCode) : '';
}

/** Where, as people say it: the place as written, then the district by its name. */
export function PlaceWords({ text, districtCode }: { text?: string | null; districtCode: string }) {
  const district = useDistrictName(districtCode);
  return <>{[text, district].filter(Boolean).join(', ')}</>;
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
  labels,
}: {
  idPrefix: string;
  value: Place;
  onChange(next: Place): void;
  fixedStateCode?: string | null;
  required?: boolean;
  /** the fields' labels where the form has another place too (the child's home beside where the child was found) */
  labels?: { state: string; district: string };
}) {
  const { t, api } = useApp();
  const stateCode = fixedStateCode || value.stateCode;
  const states = useLoad(() => (fixedStateCode ? Promise.resolve([]) : placeList<StatePlace[]>(api, '/places/states')), [fixedStateCode]);
  const districts = useLoad(
    () => (stateCode ? placeList<DistrictPlace[]>(api, `/places/states/${encodeURIComponent(stateCode)}/districts`) : Promise.resolve([])),
    [stateCode],
  );
  const failed = states.error ?? districts.error;

  return (
    <>
      {!fixedStateCode && (
        <div className="field">
          <label htmlFor={`${idPrefix}-state`}>{labels?.state ?? t('search.state')}</label>
          <PlaceSelect id={`${idPrefix}-state`} value={value.stateCode} places={states.data} required={required} onChange={(code) => onChange({ stateCode: code, districtCode: '' })} />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${idPrefix}-district`}>{labels?.district ?? t('search.district')}</label>
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
          <PlaceSelect id={`${idPrefix}-district`} value={value.districtCode} places={districts.data} required={required} disabled={!stateCode} onChange={(code) => onChange({ stateCode, districtCode: code })} />
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

function PlaceSelect({
  id,
  value,
  places,
  required,
  disabled,
  none,
  onChange,
}: {
  id: string;
  value: string;
  places: { code: string; name: string }[] | undefined;
  required: boolean;
  disabled?: boolean;
  /** what the empty choice says, if not "Choose…" or "Any" */
  none?: string;
  onChange(code: string): void;
}) {
  const { t } = useApp();
  return (
    <select id={id} value={value} required={required} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
      <option value="">{none ?? (required ? t('place.choose') : t('search.any'))}</option>
      {/* while the list loads (or if it lacks it), the chosen code still shows */}
      {value && !places?.some((p) => p.code === value) && <option value={value}>{value}</option>}
      {places?.map((p) => (
        <option key={p.code} value={p.code}>
          {p.name}
        </option>
      ))}
    </select>
  );
}

/** The places below the district a case names: its police station (thana), block and village, by their codes. */
export interface LocalPlaces {
  thanaCode: string;
  blockCode: string;
  villageCode: string;
}

/**
 * Police station, block and (where the district's villages are imported) village of a district, picked by name.
 * All optional: a district whose places are not imported yet, or lists that cannot be read, show nothing to pick.
 * A block change clears the village, which belongs to one block.
 */
export function LocalPlacePicker({ idPrefix, districtCode, value, onChange, legend, labels }: { idPrefix: string; districtCode: string; value: LocalPlaces; onChange(next: LocalPlaces): void; legend?: string; labels?: { thana: string; block: string; village: string } }) {
  const { t, api } = useApp();
  const places = useLoad(
    () => (districtCode ? placeList<LocalPlace[]>(api, `/places/districts/${encodeURIComponent(districtCode)}/local`) : Promise.resolve([])),
    [districtCode],
  );
  const all = places.data ?? [];
  const stations = all.filter((p) => p.kind === 'POLICE_STATION');
  const blocks = all.filter((p) => p.kind === 'BLOCK');
  const villages = all.filter((p) => p.kind === 'VILLAGE' && (!value.blockCode || p.blockCode === value.blockCode));
  if (!districtCode || all.length === 0) return null;
  return (
    <fieldset>
      <legend>{legend ?? t('place.local')}</legend>
      {stations.length > 0 && (
        <div className="field">
          <label htmlFor={`${idPrefix}-thana`}>{labels?.thana ?? t('place.thana')}</label>
          <PlaceSelect id={`${idPrefix}-thana`} value={value.thanaCode} places={stations} required={false} none={t('place.notKnown')} onChange={(code) => onChange({ ...value, thanaCode: code })} />
        </div>
      )}
      {blocks.length > 0 && (
        <div className="field">
          <label htmlFor={`${idPrefix}-block`}>{labels?.block ?? t('place.block')}</label>
          <PlaceSelect id={`${idPrefix}-block`} value={value.blockCode} places={blocks} required={false} none={t('place.notKnown')} onChange={(code) => onChange({ ...value, blockCode: code, villageCode: '' })} />
        </div>
      )}
      {villages.length > 0 && (
        <div className="field">
          <label htmlFor={`${idPrefix}-village`}>{labels?.village ?? t('place.village')}</label>
          <PlaceSelect id={`${idPrefix}-village`} value={value.villageCode} places={villages} required={false} none={t('place.notKnown')} onChange={(code) => onChange({ ...value, villageCode: code })} />
        </div>
      )}
    </fieldset>
  );
}
