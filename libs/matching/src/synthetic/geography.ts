// A sample of states and districts (ISO 3166-2:IN state codes), with district headquarters'
// coordinates, the naming traditions of their people and the weight of their share of
// missing-children reports (roughly after NCRB's state-wise figures).
import type { IndicScript } from '../scripts.js';
import type { NameRegion } from './name-pool.js';

export interface District {
  code: string;
  stateCode: string;
  name: string;
  /** the headquarters' coordinates; the national profile's other districts have none */
  lat?: number;
  lon?: number;
}

export interface StateProfile {
  code: string;
  script: IndicScript;
  /** language of the state's records, ISO 639 */
  language: string;
  regions: Partial<Record<NameRegion, number>>;
  reportWeight: number;
  districts: District[];
}

function districts(stateCode: string, list: [string, number, number][]): District[] {
  return list.map(([name, lat, lon]) => ({ code: `${stateCode}-${name.toUpperCase().replace(/\s+/g, '-')}`, stateCode, name, lat, lon }));
}

export const STATES: readonly StateProfile[] = [
  { code: 'UP', script: 'DEVANAGARI', language: 'hi', regions: { HINDI: 80, MUSLIM: 20 }, reportWeight: 8, districts: districts('UP', [['Lucknow', 26.85, 80.95], ['Kanpur Nagar', 26.45, 80.33], ['Varanasi', 25.32, 82.97], ['Gorakhpur', 26.76, 83.37], ['Agra', 27.18, 78.01], ['Prayagraj', 25.44, 81.85]]) },
  { code: 'BR', script: 'DEVANAGARI', language: 'hi', regions: { HINDI: 83, MUSLIM: 17 }, reportWeight: 8, districts: districts('BR', [['Patna', 25.59, 85.14], ['Gaya', 24.79, 85.0], ['Muzaffarpur', 26.12, 85.39], ['Darbhanga', 26.15, 85.9], ['Purnia', 25.78, 87.47]]) },
  { code: 'MP', script: 'DEVANAGARI', language: 'hi', regions: { HINDI: 93, MUSLIM: 7 }, reportWeight: 12, districts: districts('MP', [['Bhopal', 23.26, 77.41], ['Indore', 22.72, 75.86], ['Jabalpur', 23.18, 79.99], ['Gwalior', 26.22, 78.18]]) },
  { code: 'RJ', script: 'DEVANAGARI', language: 'hi', regions: { HINDI: 90, MUSLIM: 10 }, reportWeight: 5, districts: districts('RJ', [['Jaipur', 26.91, 75.79], ['Jodhpur', 26.24, 73.02], ['Udaipur', 24.58, 73.71], ['Kota', 25.18, 75.83]]) },
  { code: 'DL', script: 'DEVANAGARI', language: 'hi', regions: { HINDI: 70, MUSLIM: 13, PUNJABI: 10, BENGALI: 7 }, reportWeight: 8, districts: districts('DL', [['New Delhi', 28.61, 77.21], ['North East', 28.69, 77.29], ['South West', 28.58, 77.07]]) },
  { code: 'HR', script: 'DEVANAGARI', language: 'hi', regions: { HINDI: 80, PUNJABI: 13, MUSLIM: 7 }, reportWeight: 3, districts: districts('HR', [['Gurugram', 28.46, 77.03], ['Faridabad', 28.41, 77.32], ['Hisar', 29.15, 75.72]]) },
  { code: 'JH', script: 'DEVANAGARI', language: 'hi', regions: { HINDI: 85, MUSLIM: 15 }, reportWeight: 3, districts: districts('JH', [['Ranchi', 23.34, 85.31], ['Dhanbad', 23.8, 86.43]]) },
  { code: 'MH', script: 'DEVANAGARI', language: 'mr', regions: { MARATHI: 75, HINDI: 13, MUSLIM: 12 }, reportWeight: 10, districts: districts('MH', [['Mumbai', 19.08, 72.88], ['Pune', 18.52, 73.86], ['Nagpur', 21.15, 79.09], ['Nashik', 20.0, 73.79]]) },
  { code: 'WB', script: 'BENGALI', language: 'bn', regions: { BENGALI: 72, MUSLIM: 26, HINDI: 2 }, reportWeight: 12, districts: districts('WB', [['Kolkata', 22.57, 88.36], ['Howrah', 22.59, 88.31], ['Murshidabad', 24.18, 88.27], ['Darjeeling', 27.04, 88.26], ['Malda', 25.0, 88.14]]) },
  { code: 'PB', script: 'GURMUKHI', language: 'pa', regions: { PUNJABI: 90, HINDI: 10 }, reportWeight: 3, districts: districts('PB', [['Ludhiana', 30.9, 75.85], ['Amritsar', 31.63, 74.87], ['Jalandhar', 31.33, 75.58]]) },
  { code: 'GJ', script: 'GUJARATI', language: 'gu', regions: { GUJARATI: 90, MUSLIM: 10 }, reportWeight: 4, districts: districts('GJ', [['Ahmedabad', 23.02, 72.57], ['Surat', 21.17, 72.83], ['Vadodara', 22.31, 73.18], ['Rajkot', 22.3, 70.8]]) },
  { code: 'OD', script: 'ODIA', language: 'or', regions: { ODIA: 95, MUSLIM: 5 }, reportWeight: 6, districts: districts('OD', [['Khordha', 20.3, 85.82], ['Cuttack', 20.46, 85.88], ['Ganjam', 19.39, 84.88], ['Mayurbhanj', 21.93, 86.73]]) },
  { code: 'TN', script: 'TAMIL', language: 'ta', regions: { TAMIL: 94, MUSLIM: 6 }, reportWeight: 5, districts: districts('TN', [['Chennai', 13.08, 80.27], ['Coimbatore', 11.02, 76.96], ['Madurai', 9.93, 78.12], ['Tiruchirappalli', 10.8, 78.69]]) },
  { code: 'AP', script: 'TELUGU', language: 'te', regions: { TELUGU: 90, MUSLIM: 10 }, reportWeight: 3, districts: districts('AP', [['Visakhapatnam', 17.69, 83.22], ['Krishna', 16.51, 80.65], ['Guntur', 16.31, 80.44]]) },
  { code: 'TG', script: 'TELUGU', language: 'te', regions: { TELUGU: 85, MUSLIM: 15 }, reportWeight: 3, districts: districts('TG', [['Hyderabad', 17.39, 78.49], ['Warangal', 17.97, 79.59]]) },
  { code: 'KA', script: 'KANNADA', language: 'kn', regions: { KANNADA: 85, MUSLIM: 13, TAMIL: 2 }, reportWeight: 5, districts: districts('KA', [['Bengaluru Urban', 12.97, 77.59], ['Mysuru', 12.3, 76.64], ['Belagavi', 15.85, 74.5], ['Kalaburagi', 17.33, 76.83]]) },
  { code: 'KL', script: 'MALAYALAM', language: 'ml', regions: { MALAYALAM: 73, MUSLIM: 27 }, reportWeight: 3, districts: districts('KL', [['Thiruvananthapuram', 8.52, 76.94], ['Ernakulam', 9.98, 76.3], ['Kozhikode', 11.26, 75.78]]) },
];

/** Cities where children who travel far from home are most often found (railway hubs). */
export const DESTINATION_DISTRICTS = [
  'DL-NEW-DELHI', 'MH-MUMBAI', 'WB-KOLKATA', 'TN-CHENNAI', 'KA-BENGALURU-URBAN', 'TG-HYDERABAD', 'GJ-AHMEDABAD',
  'UP-LUCKNOW', 'BR-PATNA', 'PB-LUDHIANA', 'RJ-JAIPUR', 'KL-ERNAKULAM', 'MH-PUNE',
] as const;

export function stateOf(code: string): StateProfile {
  const state = STATES.find((s) => s.code === code);
  if (!state) throw new RangeError(`unknown state ${code}`);
  return state;
}

export function districtOf(code: string): District {
  const district = STATES.flatMap((s) => s.districts).find((d) => d.code === code);
  if (!district) throw new RangeError(`unknown district ${code}`);
  return district;
}

/** Language names as a form might give them. */
export const LANGUAGE_WRITTEN: Readonly<Record<string, readonly string[]>> = {
  hi: ['Hindi'],
  mr: ['Marathi'],
  bn: ['Bengali', 'Bangla'],
  pa: ['Punjabi'],
  gu: ['Gujarati'],
  or: ['Odia', 'Oriya'],
  ta: ['Tamil'],
  te: ['Telugu'],
  kn: ['Kannada'],
  ml: ['Malayalam'],
  ur: ['Urdu'],
  bho: ['Bhojpuri'],
};
