// The fields a missing and a found report are compared on, and the levels of agreement each
// comparison can reach. weights.ts gives every level its evidence.

export const MATCH_FIELDS = ['name', 'guardians', 'gender', 'age', 'height', 'complexion', 'marks', 'languages', 'clothing', 'place', 'time', 'photo'] as const;
export type MatchField = (typeof MATCH_FIELDS)[number];

export const FIELD_LEVELS = {
  name: ['full', 'exact', 'strong', 'good', 'petName', 'partial', 'weak', 'differs'],
  guardians: ['full', 'exact', 'strong', 'good', 'partial', 'weak', 'differs'],
  gender: ['same', 'compatible', 'different'],
  age: ['same', 'overlap', 'near', 'far', 'conflict'],
  height: ['overlap', 'near', 'far', 'conflict'],
  complexion: ['same', 'adjacent', 'different'],
  marks: ['strong', 'partial', 'differs'],
  languages: ['regional', 'common', 'differs'],
  clothing: ['strong', 'partial', 'differs'],
  place: ['local', 'regional', 'distant', 'remote'],
  time: ['week', 'months', 'year', 'years', 'before'],
  photo: ['alike', 'similar', 'unsure', 'unlike'],
} as const satisfies Record<MatchField, readonly string[]>;

export type FieldLevel<F extends MatchField = MatchField> = (typeof FIELD_LEVELS)[F][number];

/** One field compared: its level of agreement (null: not recorded on both, no evidence). */
/** A reason as a message key and its values: numbers, ranges, language codes (named by the reader's browser) and choices the message words; none is shown as it is. */
export interface ReasonDetail {
  key: string;
  params?: Record<string, string | number>;
}

export interface FieldComparison<F extends MatchField = MatchField> {
  field: F;
  level: FieldLevel<F> | null;
  /** similarity 0..1 where the field has a graded one (names, marks), else null */
  score: number | null;
  reason: string;
  /** the reason as a message key of the web catalogues (`match.reason.*`) and its values, so it is read in the reader's language */
  detail?: ReasonDetail;
  /** name field: the phonetic keys of the agreeing words, each report's own */
  matchedKeys?: { missing: string[]; found: string[] };
}

/** The agreement level of a name comparison: 'full' when two or more words agree closely. */
export function nameLevel(score: number, matchedWords = 1): FieldLevel<'name'> {
  if (score >= 0.9 && matchedWords >= 2) return 'full';
  if (score >= 0.97) return 'exact';
  if (score >= 0.9) return 'strong';
  if (score >= 0.78) return 'good';
  if (score >= 0.6) return 'partial';
  if (score >= 0.4) return 'weak';
  return 'differs';
}
