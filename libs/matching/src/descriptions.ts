// Free-text descriptions (identifying marks, clothing) reduced to comparable features, with
// the Hindi words police and CWC records mix in. "Black mole on left cheek" and "til on
// left gaal" give the same features.
import { words } from './normalise.js';
import { transliterate } from './transliterate.js';

function vocabulary(groups: Record<string, readonly string[]>): ReadonlyMap<string, string> {
  return new Map(Object.entries(groups).flatMap(([canonical, spellings]) => [canonical, ...spellings].map((s) => [s, canonical] as const)));
}

const MARK_TYPE_WORDS = {
  mole: ['moles', 'til', 'tila', 'masa', 'massa', 'spot', 'dot'],
  scar: ['scars', 'nishan', 'nishaan', 'daag', 'dag', 'stitch', 'stitches', 'cut', 'wound', 'chot', 'injury'],
  burn: ['burnt', 'burned', 'burns', 'jala', 'jale', 'jalne'],
  birthmark: ['birthmark', 'lehsun', 'lahsun', 'patch'],
  tattoo: ['tattoos', 'tatoo', 'godna', 'gudna', 'godana'],
  wart: ['warts'],
  extra: ['six', 'chhe', 'chhah'],
  missing: ['broken', 'toota', 'tuta'],
  squint: ['bhenga', 'bhainga', 'crosseyed'],
  stammer: ['stutter', 'stammers', 'haklata', 'haklati', 'tutla'],
  limp: ['limps', 'langda', 'langdi', 'polio'],
  deaf: ['deafmute', 'mute', 'goonga', 'gunga', 'behra'],
};
const MARK_TYPES = vocabulary(MARK_TYPE_WORDS);

const BODY_PART_WORDS = {
  forehead: ['mathe', 'matha', 'maatha', 'lalat'],
  cheek: ['cheeks', 'gaal', 'gal'],
  chin: ['thodi', 'thuddi'],
  nose: ['naak', 'nak'],
  ear: ['ears', 'kaan', 'kan'],
  eye: ['eyes', 'aankh', 'ankh'],
  eyebrow: ['eyebrows', 'bhauh', 'bhon', 'bhaun'],
  lip: ['lips', 'honth', 'hont', 'hoth'],
  neck: ['gardan', 'gala'],
  hand: ['hands', 'haath', 'hath', 'palm', 'hatheli', 'wrist'],
  arm: ['arms', 'bazu', 'baju', 'bah'],
  elbow: ['kohni'],
  finger: ['fingers', 'ungli', 'ungliyan', 'thumb', 'angutha', 'toe', 'toes'],
  leg: ['legs', 'taang', 'tang', 'thigh', 'jangh'],
  knee: ['knees', 'ghutna', 'ghutne'],
  foot: ['feet', 'paon', 'pair', 'pao', 'ankle'],
  back: ['peeth', 'pith', 'kamar'],
  chest: ['chhati', 'seena', 'sina'],
  stomach: ['abdomen', 'pet', 'belly', 'navel'],
  shoulder: ['shoulders', 'kandha', 'kandhe'],
  head: ['sir', 'scalp', 'sar'],
  tooth: ['teeth', 'daant', 'dant', 'daat'],
  face: ['chehra', 'chehre'],
};
const BODY_PARTS = vocabulary(BODY_PART_WORDS);

const SIDE_WORDS = {
  left: ['baya', 'bayan', 'baen', 'baye', 'bayi', 'ulta'],
  right: ['daya', 'dayan', 'daen', 'daye', 'dayi', 'seedha', 'sidha'],
};
const SIDES = vocabulary(SIDE_WORDS);

const COLOUR_WORDS = {
  red: ['lal', 'laal'],
  blue: ['neela', 'nila', 'navy', 'sky', 'aasmani'],
  green: ['hara', 'hari'],
  yellow: ['peela', 'pila', 'peeli'],
  black: ['kala', 'kaala', 'kali'],
  white: ['safed', 'sufed'],
  pink: ['gulabi'],
  orange: ['kesari', 'narangi', 'saffron'],
  brown: ['bhura', 'bhoora', 'khaki'],
  grey: ['gray', 'sleti'],
  purple: ['baingani', 'violet'],
  maroon: ['mehroon'],
  cream: ['beige', 'off'],
};
const COLOURS = vocabulary(COLOUR_WORDS);

const GARMENT_WORDS = {
  shirt: ['shirts', 'kameez', 'top', 'blouse'],
  tshirt: ['tee', 'tshirts'],
  trousers: ['pant', 'pants', 'trouser', 'jeans', 'payjama', 'pajama', 'pyjama', 'track', 'lower', 'leggings'],
  shorts: ['nikker', 'nicker', 'halfpant', 'half', 'chaddi'],
  frock: ['dress', 'gown', 'frok'],
  salwar: ['suit', 'churidar'],
  kurta: ['kurti', 'kurtha'],
  lehenga: ['ghagra', 'lehnga', 'skirt', 'pavadai'],
  saree: ['sari'],
  sweater: ['jumper', 'cardigan', 'swetar', 'hoodie'],
  jacket: ['coat'],
  vest: ['baniyan', 'banian', 'banyan', 'sando'],
  uniform: ['school'],
  footwear: ['chappal', 'chappals', 'sandal', 'sandals', 'slippers', 'shoes', 'shoe', 'joote'],
  lungi: ['dhoti', 'mundu', 'veshti'],
  dupatta: ['chunni', 'chunri', 'odhni', 'scarf'],
  cap: ['topi', 'hat'],
};
const GARMENTS = vocabulary(GARMENT_WORDS);

// Clauses end at punctuation or "and"/"aur"; within one, "black mole on left cheek" joins.
function clauses(text: string): string[][] {
  const raw = text.split(/[,;.\n/+&]|\band\b|\baur\b|\bwith\b/i);
  return raw.map((c) => words(c).map((w) => transliterate(w))).filter((ws) => ws.length > 0);
}

/** The canonical words of the features, which the web app says in each language (`feature.<word>`). */
export const FEATURE_WORDS: readonly string[] = [MARK_TYPE_WORDS, BODY_PART_WORDS, SIDE_WORDS, COLOUR_WORDS, GARMENT_WORDS].flatMap((g) => Object.keys(g));

/** Features of identifying marks: mark types, body parts, and mark@part(@side) as described together. */
export function markFeatures(text: string): Set<string> {
  const features = new Set<string>();
  for (const clause of clauses(text)) {
    const types = clause.flatMap((w) => MARK_TYPES.get(w) ?? []);
    const parts = clause.flatMap((w) => BODY_PARTS.get(w) ?? []);
    const sides = clause.flatMap((w) => SIDES.get(w) ?? []);
    for (const t of types) features.add(t);
    for (const p of parts) features.add(`part:${p}`);
    for (const t of types) {
      for (const p of parts) {
        features.add(`${t}@${p}`);
        for (const s of sides) features.add(`${t}@${p}@${s}`);
      }
    }
  }
  return features;
}

/** Features of clothing: colours, garments, and colour+garment as described together. */
export function clothingFeatures(text: string): Set<string> {
  const features = new Set<string>();
  for (const clause of clauses(text)) {
    let colour: string | undefined;
    for (const w of clause) {
      const c = COLOURS.get(w);
      const g = GARMENTS.get(w);
      if (c) {
        colour = c;
        features.add(c);
      }
      if (g) {
        features.add(`garment:${g}`);
        if (colour) features.add(`${colour}+${g}`);
      }
    }
  }
  return features;
}

/** The features two descriptions share, most specific first. */
export function sharedFeatures(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] {
  return [...a].filter((f) => b.has(f)).sort((x, y) => specificity(y) - specificity(x));
}

function specificity(feature: string): number {
  return (feature.match(/[@+]/g)?.length ?? 0) * 2 + (feature.startsWith('part:') || feature.startsWith('garment:') ? 0 : 1);
}

/** A feature as words for an explanation: "mole@cheek@left" → "mole on left cheek". */
export function describeFeature(feature: string): string {
  const [type, part, side] = feature.replace(/^(part|garment):/, '').split('@');
  if (feature.includes('+')) return feature.replace('+', ' ');
  if (part) return `${type} on ${side ? `${side} ` : ''}${part}`;
  return type ?? feature;
}
