// Regenerates prisma/geography/india.json from two PyPI packages, so the committed data can be
// re-derived and checked. Nothing here reaches the network: fetch the packages first, from PyPI
// only, with the ordinary client, then unpack the wheels (a wheel is a zip):
//
//   cd /tmp && pip download indiaset==0.1.2 indian-fakedata==2.1.0 --no-deps -d geo-src
//   cd geo-src && unzip -q indiaset-0.1.2-py3-none-any.whl -d indiaset \
//              && unzip -q indian_fakedata-2.1.0-py3-none-any.whl -d indian-fakedata
//   cd /work/main && node --import @swc-node/register/esm-register prisma/geography/convert.ts \
//       /tmp/geo-src/indiaset /tmp/geo-src/indian-fakedata
//
// Wheel sha256 as downloaded for the committed file:
//   indiaset-0.1.2-py3-none-any.whl         ff0c5dd71ef948debe48e56ebcd46d40356b0e24ce9cd65faec3bfcca2d960ae
//   indian_fakedata-2.1.0-py3-none-any.whl  3747ab0424ed581d923988d4352fc173fcb2e289ee12e9df841d713e003e912a
//
// How the two are combined:
//  1. indiaset's data/district_aliases.csv is the authority. It lists the 640 districts of the Census
//     2011 frame, each with its LGD district code and its current LGD name (renames through 2025, e.g.
//     Ahilyanagar, Sribhumi, Bengaluru South). Every row becomes a district with that LGD code and name.
//     Its state column is the 2011 state, so the districts that now lie in Telangana, Ladakh and the
//     merged UT of Dadra and Nagar Haveli and Daman and Diu are moved there by LGD code (tables below,
//     from the AP Reorganisation Act 2014, the J&K Reorganisation Act 2019 and the 2020 merger).
//  2. indian-fakedata's database/default_data.json lists current districts per state (names only).
//     An entry that matches no LGD row of its state (by Census or LGD name, or by ALIASES below) is a
//     district created after 2011; it is added with lgdCode null. The supplement is used for nothing
//     else: no LGD code is ever taken from it or guessed.
//  3. District code = `<ISO state code>-<SLUG>`, SLUG the name upper-cased, non-alphanumerics collapsed
//     to single hyphens. A collision within a state fails the run (none today).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Kind = 'STATE' | 'UT';

/**
 * ISO 3166-2:IN after the ISO newsletter of 2023-11-23 (OD, CG, TS, UK replaced OR, CT, TG, UT;
 * checked against pycountry 26.2.16), with LGD state codes, which equal the Census 2011 state
 * codes except for the later Telangana (36), Ladakh (37) and the merged UT (38). Names are the
 * common English form.
 */
const STATES: readonly { code: string; lgdCode: number; name: string; kind: Kind }[] = [
  { code: 'AN', lgdCode: 35, name: 'Andaman and Nicobar Islands', kind: 'UT' },
  { code: 'AP', lgdCode: 28, name: 'Andhra Pradesh', kind: 'STATE' },
  { code: 'AR', lgdCode: 12, name: 'Arunachal Pradesh', kind: 'STATE' },
  { code: 'AS', lgdCode: 18, name: 'Assam', kind: 'STATE' },
  { code: 'BR', lgdCode: 10, name: 'Bihar', kind: 'STATE' },
  { code: 'CG', lgdCode: 22, name: 'Chhattisgarh', kind: 'STATE' },
  { code: 'CH', lgdCode: 4, name: 'Chandigarh', kind: 'UT' },
  { code: 'DH', lgdCode: 38, name: 'Dadra and Nagar Haveli and Daman and Diu', kind: 'UT' },
  { code: 'DL', lgdCode: 7, name: 'Delhi', kind: 'UT' },
  { code: 'GA', lgdCode: 30, name: 'Goa', kind: 'STATE' },
  { code: 'GJ', lgdCode: 24, name: 'Gujarat', kind: 'STATE' },
  { code: 'HP', lgdCode: 2, name: 'Himachal Pradesh', kind: 'STATE' },
  { code: 'HR', lgdCode: 6, name: 'Haryana', kind: 'STATE' },
  { code: 'JH', lgdCode: 20, name: 'Jharkhand', kind: 'STATE' },
  { code: 'JK', lgdCode: 1, name: 'Jammu and Kashmir', kind: 'UT' },
  { code: 'KA', lgdCode: 29, name: 'Karnataka', kind: 'STATE' },
  { code: 'KL', lgdCode: 32, name: 'Kerala', kind: 'STATE' },
  { code: 'LA', lgdCode: 37, name: 'Ladakh', kind: 'UT' },
  { code: 'LD', lgdCode: 31, name: 'Lakshadweep', kind: 'UT' },
  { code: 'MH', lgdCode: 27, name: 'Maharashtra', kind: 'STATE' },
  { code: 'ML', lgdCode: 17, name: 'Meghalaya', kind: 'STATE' },
  { code: 'MN', lgdCode: 14, name: 'Manipur', kind: 'STATE' },
  { code: 'MP', lgdCode: 23, name: 'Madhya Pradesh', kind: 'STATE' },
  { code: 'MZ', lgdCode: 15, name: 'Mizoram', kind: 'STATE' },
  { code: 'NL', lgdCode: 13, name: 'Nagaland', kind: 'STATE' },
  { code: 'OD', lgdCode: 21, name: 'Odisha', kind: 'STATE' },
  { code: 'PB', lgdCode: 3, name: 'Punjab', kind: 'STATE' },
  { code: 'PY', lgdCode: 34, name: 'Puducherry', kind: 'UT' },
  { code: 'RJ', lgdCode: 8, name: 'Rajasthan', kind: 'STATE' },
  { code: 'SK', lgdCode: 11, name: 'Sikkim', kind: 'STATE' },
  { code: 'TN', lgdCode: 33, name: 'Tamil Nadu', kind: 'STATE' },
  { code: 'TR', lgdCode: 16, name: 'Tripura', kind: 'STATE' },
  { code: 'TS', lgdCode: 36, name: 'Telangana', kind: 'STATE' },
  { code: 'UK', lgdCode: 5, name: 'Uttarakhand', kind: 'STATE' },
  { code: 'UP', lgdCode: 9, name: 'Uttar Pradesh', kind: 'STATE' },
  { code: 'WB', lgdCode: 19, name: 'West Bengal', kind: 'STATE' },
];

/** indiaset's (Census 2011) state names → ISO code. */
const CENSUS_STATE: Record<string, string> = {
  'Andaman & Nicobar Islands': 'AN',
  'Andhra Pradesh': 'AP',
  'Arunachal Pradesh': 'AR',
  Assam: 'AS',
  Bihar: 'BR',
  Chandigarh: 'CH',
  Chhattisgarh: 'CG',
  'Dadra & Nagar Haveli': 'DH',
  'Daman & Diu': 'DH',
  Goa: 'GA',
  Gujarat: 'GJ',
  Haryana: 'HR',
  'Himachal Pradesh': 'HP',
  'Jammu & Kashmir': 'JK',
  Jharkhand: 'JH',
  Karnataka: 'KA',
  Kerala: 'KL',
  Lakshadweep: 'LD',
  'Madhya Pradesh': 'MP',
  Maharashtra: 'MH',
  Manipur: 'MN',
  Meghalaya: 'ML',
  Mizoram: 'MZ',
  Nagaland: 'NL',
  'NCT of Delhi': 'DL',
  Odisha: 'OD',
  Puducherry: 'PY',
  Punjab: 'PB',
  Rajasthan: 'RJ',
  Sikkim: 'SK',
  'Tamil Nadu': 'TN',
  Tripura: 'TR',
  'Uttar Pradesh': 'UP',
  Uttarakhand: 'UK',
  'West Bengal': 'WB',
};

/** 2011 districts that now lie in a state other than their 2011 one, by LGD district code. */
const MOVED_BY_LGD: Record<number, string> = {
  // Telangana (AP Reorganisation Act 2014): Adilabad, Hyderabad, Karimnagar, Khammam, Mahabubnagar,
  // Medak, Nalgonda, Nizamabad, Ranga Reddy, Warangal
  501: 'TS', 507: 'TS', 508: 'TS', 509: 'TS', 512: 'TS', 513: 'TS', 514: 'TS', 516: 'TS', 518: 'TS', 522: 'TS',
  // Ladakh (J&K Reorganisation Act 2019): Kargil, Leh Ladakh
  6: 'LA', 9: 'LA',
};

/** indian-fakedata state keys' codes that differ from ISO. */
const SUPPLEMENT_STATE: Record<string, string> = { TG: 'TS', DN: 'DH', DD: 'DH' };

/**
 * Supplement spellings of 2011 districts that normalisation alone does not match to the LGD name.
 * Without these the district would be added twice. State → supplement name → LGD name.
 */
const ALIASES: Record<string, Record<string, string>> = {
  AN: { Nicobar: 'Nicobars' },
  AS: { 'Kamrup Rural': 'Kamrup' },
  BR: { 'East Champaran': 'Purbi Champaran', 'West Champaran': 'Pashchim Champaran' },
  CG: { Dantewada: 'Dakshin Bastar Dantewada', Kabirdham: 'Kabeerdham', Kanker: 'Uttar Bastar Kanker' },
  DL: {
    'Central Delhi': 'Central',
    'East Delhi': 'East',
    'North Delhi': 'North',
    'North East Delhi': 'North East',
    'North West Delhi': 'North West',
    'South Delhi': 'South',
    'South West Delhi': 'South West',
    'West Delhi': 'West',
  },
  GJ: { Dang: 'Dangs', Kutch: 'Kachchh', Mehsana: 'Mahesana', Panchmahal: 'Panch Mahals' },
  JH: { 'East Singhbhum': 'East Singhbum', 'Seraikela-Kharsawan': 'Saraikela Kharsawan' },
  KA: { Chikkaballapur: 'Chikkaballapura', Davangere: 'Davanagere' },
  MH: { Ahmednagar: 'Ahilyanagar', 'Mumbai City': 'Mumbai' },
  MP: { Narsinghpur: 'Narsimhapur' },
  OD: { Jagatsinghpur: 'Jagatsinghapur' },
  RJ: { 'Sri Ganganagar': 'Ganganagar' },
  TN: {
    Kanyakumari: 'Kanniyakumari',
    Nilgiris: 'The Nilgiris',
    Thoothukudi: 'Thoothukkudi',
    Tiruvallur: 'Thiruvallur',
    Tiruvarur: 'Thiruvarur',
  },
  UP: { 'Lakhimpur Kheri': 'Kheri', Maharajganj: 'Mahrajganj', Shravasti: 'Shrawasti' },
};

/** Supplement names that are plainly misspelt; fixed before the code is derived. State → as given → fixed. */
const NAME_FIXES: Record<string, Record<string, string>> = {
  AR: { Kradaadi: 'Kra Daadi' },
  // LGD names Delhi's districts without "Delhi" (Central, South West, ...); keep the new one alike.
  DL: { 'South East Delhi': 'South East' },
};

/** Codes other parts of Raksha already use; the run fails if any goes missing. */
const REQUIRED_CODES = ['RJ-JAIPUR', 'RJ-JODHPUR', 'MH-PUNE', 'UP-GAUTAM-BUDDHA-NAGAR'];

interface OutDistrict {
  code: string;
  lgdCode: number | null;
  name: string;
  stateCode: string;
}

export function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Matching key: case, diacritics, "&", parentheses, the word "district" and punctuation ignored. */
function key(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\(.*?\)/g, ' ')
    .replace(/\bdistrict\b/g, ' ')
    .replace(/[^a-z0-9]+/g, '');
}

function clean(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

/** RFC 4180 CSV (quoted fields may hold commas, quotes and newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Name and Version from the wheel's dist-info METADATA. */
function wheelVersion(dir: string, dist: string): string {
  const info = readdirSync(dir).find((f) => f.startsWith(`${dist}-`) && f.endsWith('.dist-info'));
  if (!info) throw new Error(`no ${dist}-*.dist-info in ${dir}: pass the unpacked wheel`);
  const version = /^Version: (.+)$/m.exec(readFileSync(join(dir, info, 'METADATA'), 'utf8'))?.[1];
  if (!version) throw new Error(`no Version in ${info}/METADATA`);
  return version.trim();
}

export function convert(indiasetDir: string, fakedataDir: string) {
  const csvPath = join(indiasetDir, 'indiaset', 'data', 'district_aliases.csv');
  const jsonPath = join(fakedataDir, 'indian_fakedata', 'database', 'default_data.json');
  const stateCodes = new Set(STATES.map((s) => s.code));

  // 1. The LGD frame.
  const [header, ...rows] = parseCsv(readFileSync(csvPath, 'utf8'));
  const col = (name: string) => {
    const i = header?.findIndex((h) => h.trim() === name) ?? -1;
    if (i < 0) throw new Error(`district_aliases.csv has no ${name} column`);
    return i;
  };
  const [cCensus, cLgdName, cLgd, cState] = ['district_name', 'district_name_lgd', 'lgd_code', 'state_name'].map(col) as [number, number, number, number];
  interface Core extends OutDistrict {
    keys: Set<string>;
  }
  const core: Core[] = rows.map((r) => {
    const censusState = clean(r[cState] ?? '');
    const lgdCode = Number(clean(r[cLgd] ?? ''));
    if (!Number.isInteger(lgdCode) || lgdCode <= 0) throw new Error(`bad lgd_code in row ${r.join(',')}`);
    const stateCode = MOVED_BY_LGD[lgdCode] ?? CENSUS_STATE[censusState];
    if (!stateCode) throw new Error(`unknown state "${censusState}"`);
    // indiaset title-cases LGD's upper-case names ("Dadra And Nagar Haveli"); "and" goes back to lower case.
    const name = clean(r[cLgdName] ?? '').replace(/ And /g, ' and ');
    return { code: '', lgdCode, name, stateCode, keys: new Set([key(name), key(clean(r[cCensus] ?? ''))]) };
  });

  // 2. Districts created after 2011, from the supplement.
  const fake = JSON.parse(readFileSync(jsonPath, 'utf8')) as {
    states: Record<string, { stateCode: string }>;
    districts: Record<string, string[]>;
  };
  const added: OutDistrict[] = [];
  const matchedCore = new Set<Core>();
  for (const [stateKey, names] of Object.entries(fake.districts)) {
    const raw = fake.states[stateKey]?.stateCode;
    const stateCode = raw && (SUPPLEMENT_STATE[raw] ?? raw);
    if (!stateCode || !stateCodes.has(stateCode)) throw new Error(`supplement state ${stateKey} (${raw}) is not an ISO code`);
    for (const n of names) {
      const name = clean(n);
      const want = key(ALIASES[stateCode]?.[name] ?? name);
      const hit = core.find((d) => d.stateCode === stateCode && d.keys.has(want));
      if (hit) matchedCore.add(hit);
      else added.push({ code: '', lgdCode: null, name: NAME_FIXES[stateCode]?.[name] ?? name, stateCode });
    }
  }
  const unmatched = core.filter((d) => !matchedCore.has(d));

  // 3. Codes.
  const districts: OutDistrict[] = [...core.map(({ keys: _keys, ...d }) => d), ...added];
  const seen = new Map<string, OutDistrict>();
  for (const d of districts) {
    d.code = `${d.stateCode}-${slug(d.name)}`;
    const other = seen.get(d.code);
    if (other) throw new Error(`code ${d.code} for both "${other.name}" and "${d.name}": add a disambiguation`);
    seen.set(d.code, d);
  }
  districts.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  // Invariants the seed relies on.
  const lgd = districts.flatMap((d) => (d.lgdCode === null ? [] : [d.lgdCode]));
  if (new Set(lgd).size !== lgd.length) throw new Error('duplicate LGD district code');
  for (const s of STATES) if (!districts.some((d) => d.stateCode === s.code)) throw new Error(`${s.code} has no district`);
  for (const c of REQUIRED_CODES) if (!seen.has(c)) throw new Error(`required code ${c} missing`);

  const indiasetVersion = wheelVersion(indiasetDir, 'indiaset');
  const fakedataVersion = wheelVersion(fakedataDir, 'indian_fakedata');
  const data = {
    source: {
      name: 'Local Government Directory (LGD), Government of India, via the indiaset package',
      package: 'indiaset',
      version: indiasetVersion,
      registry: 'PyPI',
      licence: 'MIT (code), CC-BY-4.0 (data); attribution: Jaiswal, Ansuman (2026), indiaset',
      asOf: '2026-06-17',
      notes: [
        `indiaset ${indiasetVersion} (published to PyPI 2026-06-17) file indiaset/data/district_aliases.csv (sha256 ${sha256(csvPath)}):`,
        `${core.length} districts of the Census 2011 frame with their LGD district codes and current LGD names (renames to 2025).`,
        'Districts created after 2011 come from the supplement below and have lgdCode null; no LGD code is taken from anywhere else.',
        'State codes are ISO 3166-2:IN without "IN-", as amended 2023-11-23: CG (not CT), OD (not OR), TS (not TG), UK (not UT), DH for the merged',
        'UT of Dadra and Nagar Haveli and Daman and Diu, LA for Ladakh. State lgdCode is a fixed table in convert.ts (LGD state codes), not from a package.',
        'District code is <state code>-<name upper-cased, non-alphanumerics as single hyphens>; names are the LGD names where lgdCode is set.',
        'Telangana (10) and Ladakh (2) districts are placed by LGD code; Daman, Diu and Dadra and Nagar Haveli are in DH.',
        'Known gaps, in neither package (to add once checked against LGD): Rajasthan\'s 2023 districts kept after the December 2024 review',
        '(Balotra, Beawar, Deeg, Didwana-Kuchaman, Khairthal-Tijara, Kotputli-Behror, Phalodi, Salumbar); Gaurela-Pendra-Marwahi and',
        'Manendragarh-Chirmiri-Bharatpur (CG); Mauganj and Pandhurna (MP); Eastern West Khasi Hills (ML); Vav-Tharad (GJ, 2025);',
        'Arunachal Pradesh districts created after 2018 and any other district created after the supplement was compiled.',
      ].join(' '),
    },
    supplement: {
      name: 'indian-fakedata district list (names only, for districts created after 2011)',
      package: 'indian-fakedata',
      version: fakedataVersion,
      registry: 'PyPI',
      licence: 'MIT (Copyright (c) 2026 Abhay Mourya)',
      asOf: '2026-09-25',
      notes: `indian_fakedata/database/default_data.json (sha256 ${sha256(jsonPath)}), key "districts". ${added.length} of its entries match no LGD district of their state and are added without an LGD code.`,
    },
    states: STATES.map((s) => ({ ...s })),
    districts,
  };

  return { data, added, unmatched };
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const [indiasetDir, fakedataDir] = process.argv.slice(2);
  if (!indiasetDir || !fakedataDir) {
    console.error('usage: convert.ts <unpacked indiaset wheel> <unpacked indian-fakedata wheel>');
    process.exit(2);
  }
  const { data, added, unmatched } = convert(indiasetDir, fakedataDir);
  const out = new URL('./india.json', import.meta.url);
  writeFileSync(out, `${JSON.stringify(data, null, 2)}\n`);
  const byState = (ds: { stateCode: string; name: string }[]) => {
    const groups = new Map<string, string[]>();
    for (const d of ds) groups.set(d.stateCode, [...(groups.get(d.stateCode) ?? []), d.name]);
    return [...groups].map(([s, names]) => `  ${s}: ${names.join('; ')}`).join('\n');
  };
  console.log(`added from the supplement (${added.length}, lgdCode null) — check each is a post-2011 district:\n${byState(added)}`);
  console.log(`LGD districts the supplement does not list (${unmatched.length}; kept, listed for review):\n${byState(unmatched)}`);
  console.log(`wrote ${out.pathname}: ${data.states.length} states/UTs, ${data.districts.length} districts, ${data.districts.filter((d) => d.lgdCode !== null).length} with LGD codes`);
}
