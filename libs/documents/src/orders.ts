// Each order's document: the Model Rules 2016 form it follows (where the rules prescribe one), its title, and what it
// says, in English and Hindi. Forms and sections as docs/case-machine.md and ../shared/JJ-ACT.md cite them.
import type { OrderEventType, OrderLanguage } from '@raksha/contracts';

type Words = Record<OrderLanguage, string>;
type Labels = Record<string, Words>;
type Payload = Record<string, unknown>;

export interface OrderTemplate {
  /** the Model Rules 2016 form, by the payload (an interim placement's form depends on where the child goes) */
  form(payload: Payload): string | null;
  /** the section of the Act (and rule) the order is made under */
  citation: Words;
  title: Words;
  /** the order's operative paragraphs */
  body(payload: Payload, lang: OrderLanguage): string[];
  /** the body that makes it */
  court: 'CWC' | 'JJB';
}

const PLACEMENTS: Labels = {
  CHILDRENS_HOME: { en: "a Children's Home", hi: 'बाल गृह' },
  SPECIALISED_ADOPTION_AGENCY: { en: 'a Specialised Adoption Agency', hi: 'विशेषीकृत दत्तक ग्रहण एजेंसी' },
  FIT_FACILITY: { en: 'a fit facility', hi: 'उपयुक्त सुविधा' },
  FIT_PERSON: { en: 'a fit person', hi: 'उपयुक्त व्यक्ति' },
  PARENT_OR_GUARDIAN: { en: 'the parent or guardian, on their undertaking (Form 20)', hi: 'माता-पिता या अभिभावक, उनके वचनपत्र (प्रपत्र 20) पर' },
};
const CWC_FINAL: Labels = {
  RESTORATION: { en: 'be restored to the family', hi: 'परिवार को वापस सौंपा जाए' },
  CHILDRENS_HOME: { en: "be placed in a Children's Home", hi: 'बाल गृह में रखा जाए' },
  FIT_FACILITY: { en: 'be placed in a fit facility', hi: 'उपयुक्त सुविधा में रखा जाए' },
  FIT_PERSON: { en: 'be placed with a fit person', hi: 'उपयुक्त व्यक्ति के पास रखा जाए' },
  FOSTER_CARE: { en: 'be placed in foster care', hi: 'पालन-पोषण देखरेख में रखा जाए' },
  SPECIALISED_ADOPTION_AGENCY: { en: 'be placed in a Specialised Adoption Agency', hi: 'विशेषीकृत दत्तक ग्रहण एजेंसी में रखा जाए' },
  SPONSORSHIP: { en: 'receive sponsorship', hi: 'प्रायोजन सहायता प्राप्त करे' },
};
const JJB_FINAL: Labels = {
  RELEASED_NO_OFFENCE: { en: 'is released, no offence being found against the child (s.17(1))', hi: 'बालक के विरुद्ध कोई अपराध न पाए जाने पर उसे मुक्त किया जाता है (धारा 17(1))' },
  ADVICE_OR_ADMONITION: { en: 'be allowed to go home after advice or admonition (s.18(1)(a))', hi: 'सलाह या चेतावनी के बाद घर जाने दिया जाए (धारा 18(1)(क))' },
  GROUP_COUNSELLING: { en: 'take part in group counselling (s.18(1)(b))', hi: 'सामूहिक परामर्श में भाग ले (धारा 18(1)(ख))' },
  COMMUNITY_SERVICE: { en: 'perform community service (s.18(1)(c))', hi: 'सामुदायिक सेवा करे (धारा 18(1)(ग))' },
  FINE: { en: 'pay a fine, or the parent or guardian pay it (s.18(1)(d))', hi: 'जुर्माना अदा करे, या माता-पिता या अभिभावक अदा करें (धारा 18(1)(घ))' },
  PROBATION_WITH_PARENT_OR_GUARDIAN: { en: 'be released on probation of good conduct in the care of the parent or guardian (s.18(1)(e))', hi: 'माता-पिता या अभिभावक की देखरेख में सदाचरण की परिवीक्षा पर मुक्त किया जाए (धारा 18(1)(ङ))' },
  PROBATION_WITH_FIT_FACILITY: { en: 'be released on probation of good conduct in the care of a fit facility (s.18(1)(f))', hi: 'उपयुक्त सुविधा की देखरेख में सदाचरण की परिवीक्षा पर मुक्त किया जाए (धारा 18(1)(च))' },
  SPECIAL_HOME: { en: 'be sent to a Special Home for up to three years (s.18(1)(g))', hi: 'तीन वर्ष तक के लिए विशेष गृह भेजा जाए (धारा 18(1)(छ))' },
};
const CIRCUMSTANCES: Labels = {
  ORPHAN: { en: 'an orphan', hi: 'अनाथ' },
  ABANDONED: { en: 'abandoned', hi: 'परित्यक्त' },
  SURRENDERED: { en: 'surrendered', hi: 'परिवार द्वारा सौंपा गया' },
  LOST: { en: 'lost', hi: 'खोया हुआ' },
  RESCUED: { en: 'rescued', hi: 'बचाया गया' },
  RUNAWAY: { en: 'a child who ran away from home', hi: 'घर से भागा हुआ' },
  OTHER: { en: 'in need of care and protection', hi: 'देखरेख और संरक्षण की आवश्यकता वाला' },
};
const OFFENCES: Labels = {
  PETTY: { en: 'a petty offence', hi: 'छोटा अपराध' },
  SERIOUS: { en: 'a serious offence', hi: 'गंभीर अपराध' },
  HEINOUS: { en: 'a heinous offence', hi: 'जघन्य अपराध' },
};
const BAIL_GROUNDS: Labels = {
  ASSOCIATION_WITH_KNOWN_CRIMINAL: { en: 'release is likely to bring the child into association with a known criminal', hi: 'मुक्ति से बालक के किसी ज्ञात अपराधी के संपर्क में आने की संभावना है' },
  MORAL_PHYSICAL_OR_PSYCHOLOGICAL_DANGER: { en: 'release would expose the child to moral, physical or psychological danger', hi: 'मुक्ति से बालक नैतिक, शारीरिक या मनोवैज्ञानिक खतरे में पड़ेगा' },
  DEFEAT_ENDS_OF_JUSTICE: { en: 'release would defeat the ends of justice', hi: 'मुक्ति से न्याय का उद्देश्य विफल होगा' },
};
const CUSTODY: Labels = {
  OBSERVATION_HOME: { en: 'an observation home', hi: 'संप्रेक्षण गृह' },
  PLACE_OF_SAFETY: { en: 'a place of safety', hi: 'सुरक्षित स्थान' },
};

const label = (labels: Labels, value: unknown, lang: OrderLanguage): string => labels[String(value)]?.[lang] ?? String(value ?? '');
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
/** The place the order names from the registry (its name when the order was made), after the kind of place. */
const at = (p: Payload): string => (text(p.placeName) ? ` (${text(p.placeName)})` : '');
/** The reasons the order records, as its own paragraph. */
const reasons = (p: Payload, lang: OrderLanguage): string[] => {
  const r = text(p.reasons) ?? text(p.groundsForDoubt);
  return r ? [lang === 'en' ? `Reasons recorded: ${r}` : `अभिलिखित कारण: ${r}`] : [];
};

export const ORDER_TEMPLATES: Record<OrderEventType, OrderTemplate> = {
  PRODUCED_BEFORE_CWC: {
    court: 'CWC',
    form: () => 'F.17',
    citation: { en: 'Section 31(1); report at production, Form 17 (rule 18(2))', hi: 'धारा 31(1); प्रस्तुति पर रिपोर्ट, प्रपत्र 17 (नियम 18(2))' },
    title: { en: 'Record of production of the child before the Child Welfare Committee', hi: 'बाल कल्याण समिति के समक्ष बालक की प्रस्तुति का अभिलेख' },
    body: (p, lang) =>
      lang === 'en'
        ? [`The child was produced before the Committee by ${text(p.producedBy) ?? 'the person named in the report'}, as a child who is ${label(CIRCUMSTANCES, p.circumstance, lang)}.`, 'The Committee takes the child into its care and will inquire into the child’s circumstances under section 36.']
        : [`बालक को ${text(p.producedBy) ?? 'रिपोर्ट में नामित व्यक्ति'} द्वारा समिति के समक्ष प्रस्तुत किया गया; बालक ${label(CIRCUMSTANCES, p.circumstance, lang)} है।`, 'समिति बालक को अपनी देखरेख में लेती है और धारा 36 के अंतर्गत बालक की परिस्थितियों की जाँच करेगी।'],
  },
  INTERIM_PLACEMENT_ORDERED: {
    court: 'CWC',
    form: (p) => (p.placement === 'FIT_PERSON' || p.placement === 'PARENT_OR_GUARDIAN' ? 'F.19' : 'F.18'),
    citation: { en: 'Section 36(1); Forms 18–20', hi: 'धारा 36(1); प्रपत्र 18–20' },
    title: { en: 'Order of interim placement of the child pending inquiry', hi: 'जाँच लंबित रहने तक बालक के अंतरिम नियोजन का आदेश' },
    body: (p, lang) =>
      lang === 'en'
        ? [`Pending the inquiry, the Committee orders that the child be placed with ${label(PLACEMENTS, p.placement, lang)}${at(p)}, who shall keep the child safe and produce the child before the Committee when called.`]
        : [`जाँच लंबित रहने तक समिति आदेश देती है कि बालक को ${label(PLACEMENTS, p.placement, lang)}${at(p)} के पास रखा जाए, जो बालक को सुरक्षित रखेंगे और बुलाए जाने पर समिति के समक्ष प्रस्तुत करेंगे।`],
  },
  SIR_ORDERED: {
    court: 'CWC',
    form: () => 'F.21',
    citation: { en: 'Section 36(2); Form 21 (rule 19(3))', hi: 'धारा 36(2); प्रपत्र 21 (नियम 19(3))' },
    title: { en: 'Order for a Social Investigation Report', hi: 'सामाजिक जाँच रिपोर्ट हेतु आदेश' },
    body: (p, lang) =>
      lang === 'en'
        ? [`The Committee directs ${text(p.assignedTo) ?? 'the social worker or Child Welfare Officer'} to conduct the social investigation of the child and submit the report (Form 22) within fifteen days.`]
        : [`समिति ${text(p.assignedTo) ?? 'सामाजिक कार्यकर्ता या बाल कल्याण अधिकारी'} को निर्देश देती है कि बालक की सामाजिक जाँच कर पंद्रह दिनों के भीतर रिपोर्ट (प्रपत्र 22) प्रस्तुत करें।`],
  },
  FINAL_ORDER_PASSED: {
    court: 'CWC',
    form: (p) => (p.order === 'FOSTER_CARE' ? 'F.32' : p.order === 'SPONSORSHIP' ? 'F.36' : null),
    citation: { en: 'Section 37(1)', hi: 'धारा 37(1)' },
    title: { en: 'Final order of the Child Welfare Committee', hi: 'बाल कल्याण समिति का अंतिम आदेश' },
    body: (p, lang) => [
      lang === 'en'
        ? `Having completed the inquiry, the Committee declares the child to be in need of care and protection and orders that the child ${label(CWC_FINAL, p.order, lang)}${at(p)}.`
        : `जाँच पूर्ण कर समिति बालक को देखरेख और संरक्षण की आवश्यकता वाला घोषित करती है और आदेश देती है कि बालक को ${label(CWC_FINAL, p.order, lang)}${at(p)}।`,
      ...reasons(p, lang),
    ],
  },
  RESTORATION_ORDERED: {
    court: 'CWC',
    form: () => null,
    citation: { en: 'Section 37(1)(b), section 30(vi)', hi: 'धारा 37(1)(ख), धारा 30(vi)' },
    title: { en: 'Order of restoration of the child to the family', hi: 'बालक को परिवार को वापस सौंपने (पुनर्स्थापन) का आदेश' },
    body: (p, lang) => [
      lang === 'en'
        ? 'On the Individual Care Plan, the Committee orders that the child be restored to the family, and that the District Child Protection Unit follow the child up after restoration.'
        : 'व्यक्तिगत देखरेख योजना के आधार पर समिति आदेश देती है कि बालक को परिवार को वापस सौंपा जाए, और जिला बाल संरक्षण इकाई पुनर्स्थापन के बाद बालक का अनुवर्तन करे।',
      ...reasons(p, lang),
    ],
  },
  TRANSFER_ORDERED: {
    court: 'CWC',
    form: () => null,
    citation: { en: 'Section 95(1); rule 81', hi: 'धारा 95(1); नियम 81' },
    title: { en: 'Order of transfer of the child', hi: 'बालक के स्थानांतरण का आदेश' },
    body: (p, lang) =>
      lang === 'en'
        ? [`The order directs that the child be transferred to the Committee or Board of the child’s home district (${text(p.toDistrictCode) ?? ''}, ${text(p.toStateCode) ?? ''}) and escorted there within fifteen days, with the child’s file; copies go to the State Government and the District Child Protection Unit (rule 81).`]
        : [`आदेश दिया जाता है कि बालक को उसके गृह ज़िले (${text(p.toDistrictCode) ?? ''}, ${text(p.toStateCode) ?? ''}) की समिति या बोर्ड को स्थानांतरित किया जाए और पंद्रह दिनों के भीतर उसकी फ़ाइल के साथ वहाँ पहुँचाया जाए; प्रतियाँ राज्य सरकार और जिला बाल संरक्षण इकाई को भेजी जाएँ (नियम 81)।`],
  },
  LEGALLY_FREE_DECLARED: {
    court: 'CWC',
    form: () => null,
    citation: { en: 'Section 38(1), (4)', hi: 'धारा 38(1), (4)' },
    title: { en: 'Order declaring the child legally free for adoption', hi: 'बालक को दत्तक ग्रहण हेतु विधिक रूप से मुक्त घोषित करने का आदेश' },
    body: (p, lang) =>
      lang === 'en'
        ? [`The child being ${label(CIRCUMSTANCES, p.ground, lang)}, and the inquiry and the period the Act requires being complete, the Committee declares the child legally free for adoption. The decision is taken by at least three members of the Committee, who sign below (section 38(4)).`]
        : [`बालक ${label(CIRCUMSTANCES, p.ground, lang)} होने से, और अधिनियम द्वारा अपेक्षित जाँच और अवधि पूर्ण होने पर, समिति बालक को दत्तक ग्रहण हेतु विधिक रूप से मुक्त घोषित करती है। यह निर्णय समिति के कम से कम तीन सदस्यों द्वारा लिया गया है, जो नीचे हस्ताक्षर करते हैं (धारा 38(4))।`],
  },
  AGE_DETERMINATION_ORDERED: {
    court: 'CWC',
    form: () => null,
    citation: { en: 'Section 94(2)', hi: 'धारा 94(2)' },
    title: { en: 'Order for determination of age', hi: 'आयु निर्धारण हेतु आदेश' },
    body: (p, lang) => [
      lang === 'en'
        ? `There being reasonable grounds for doubt whether the person brought before it is a child, the order directs that the age be determined from the evidence section 94(2) names, in its order${p.medicalTest === true ? ', and, there being no certificate, by a medical age test, whose report shall come within fifteen days' : ''}.`
        : `सामने लाए गए व्यक्ति के बालक होने पर संदेह के उचित आधार होने से आदेश दिया जाता है कि आयु धारा 94(2) में दिए गए साक्ष्यों से, उसी क्रम में, निर्धारित की जाए${p.medicalTest === true ? '; कोई प्रमाणपत्र न होने से चिकित्सकीय आयु परीक्षण द्वारा, जिसकी रिपोर्ट पंद्रह दिनों के भीतर आएगी' : ''}।`,
      ...reasons(p, lang),
    ],
  },
  PRODUCED_BEFORE_JJB: {
    court: 'JJB',
    form: () => null,
    citation: { en: 'Section 10(1)', hi: 'धारा 10(1)' },
    title: { en: 'Record of production of the child before the Juvenile Justice Board', hi: 'किशोर न्याय बोर्ड के समक्ष बालक की प्रस्तुति का अभिलेख' },
    body: (p, lang) =>
      lang === 'en'
        ? [`The child, alleged to have committed ${label(OFFENCES, p.offenceCategory, lang)}${text(p.firRef) ? ` (FIR ${text(p.firRef)})` : ''}, was produced before the Board. The Board will inquire under section 14 and the child shall not be kept in a police lock-up or jail.`]
        : [`बालक, जिस पर ${label(OFFENCES, p.offenceCategory, lang)} का आरोप है${text(p.firRef) ? ` (प्रथम सूचना रिपोर्ट ${text(p.firRef)})` : ''}, बोर्ड के समक्ष प्रस्तुत किया गया। बोर्ड धारा 14 के अंतर्गत जाँच करेगा और बालक को पुलिस हवालात या जेल में नहीं रखा जाएगा।`],
  },
  BAIL_DECIDED: {
    court: 'JJB',
    form: () => null,
    citation: { en: 'Section 12', hi: 'धारा 12' },
    title: { en: 'Order on bail', hi: 'ज़मानत पर आदेश' },
    body: (p, lang) => [
      p.granted === true
        ? lang === 'en'
          ? 'The Board releases the child on bail.'
          : 'बोर्ड बालक को ज़मानत पर मुक्त करता है।'
        : lang === 'en'
          ? `The Board refuses bail, because ${label(BAIL_GROUNDS, p.refusalGround, lang)} (section 12(1) proviso), and orders that the child be kept in ${label(CUSTODY, p.custody ?? 'OBSERVATION_HOME', lang)} during the inquiry.`
          : `बोर्ड ज़मानत अस्वीकार करता है, क्योंकि ${label(BAIL_GROUNDS, p.refusalGround, lang)} (धारा 12(1) परंतुक), और आदेश देता है कि जाँच के दौरान बालक को ${label(CUSTODY, p.custody ?? 'OBSERVATION_HOME', lang)} में रखा जाए।`,
      ...reasons(p, lang),
    ],
  },
  INQUIRY_EXTENDED: {
    court: 'JJB',
    form: () => null,
    citation: { en: 'Section 14(2)', hi: 'धारा 14(2)' },
    title: { en: 'Order extending the period of inquiry', hi: 'जाँच की अवधि बढ़ाने का आदेश' },
    body: (p, lang) => [
      lang === 'en'
        ? 'The Board extends the period of the inquiry by up to two months, for the reasons recorded below.'
        : 'बोर्ड नीचे अभिलिखित कारणों से जाँच की अवधि अधिकतम दो माह बढ़ाता है।',
      ...reasons(p, lang),
    ],
  },
  JJB_FINAL_ORDER_PASSED: {
    court: 'JJB',
    form: () => null,
    citation: { en: 'Sections 17 and 18', hi: 'धारा 17 और 18' },
    title: { en: 'Final order of the Juvenile Justice Board', hi: 'किशोर न्याय बोर्ड का अंतिम आदेश' },
    body: (p, lang) => [
      lang === 'en' ? `Having completed the inquiry, the Board orders that the child ${label(JJB_FINAL, p.order, lang)}${at(p)}.` : `जाँच पूर्ण कर बोर्ड आदेश देता है कि बालक को ${label(JJB_FINAL, p.order, lang)}${at(p)}।`,
      ...reasons(p, lang),
    ],
  },
};

/** The words every order shares. */
export const ORDER_WORDS = {
  en: {
    act: 'The Juvenile Justice (Care and Protection of Children) Act, 2015',
    rules: 'Juvenile Justice (Care and Protection of Children) Model Rules, 2016',
    form: (n: string) => `Form ${n.replace('F.', '')}`,
    noForm: 'No form is prescribed for this order; it follows the section cited',
    before: { CWC: 'Before the Child Welfare Committee', JJB: 'Before the Juvenile Justice Board' },
    caseNumber: 'Case number',
    child: 'In the matter of the child',
    date: 'Date of the order',
    reference: 'Order reference',
    signed: 'Signed',
    signer: { CWC_MEMBER: 'Member, Child Welfare Committee', JJB_MEMBER: 'Member, Juvenile Justice Board' } as Record<string, string>,
    membersSigning: (n: number) => `Signed by ${n} members of the Committee`,
    seat: (designation: string, court: 'CWC' | 'JJB') =>
      `${({ CHAIRPERSON: 'Chairperson', PRINCIPAL_MAGISTRATE: 'Principal Magistrate', SOCIAL_WORKER_MEMBER: 'Social Worker Member' } as Record<string, string>)[designation] ?? 'Member'}, ${court === 'CWC' ? 'Child Welfare Committee' : 'Juvenile Justice Board'}`,
    footer:
      'Confidential: the child’s identity may not be disclosed (section 74). This order is kept on the child’s case in Raksha and its SHA-256 fingerprint is on the case’s audit record, so any change to this file can be detected.',
  },
  hi: {
    act: 'किशोर न्याय (बालकों की देखरेख और संरक्षण) अधिनियम, 2015',
    rules: 'किशोर न्याय (बालकों की देखरेख और संरक्षण) आदर्श नियम, 2016',
    form: (n: string) => `प्रपत्र ${n.replace('F.', '')}`,
    noForm: 'इस आदेश के लिए कोई प्रपत्र निर्धारित नहीं है; यह उद्धृत धारा के अनुसार है',
    before: { CWC: 'बाल कल्याण समिति के समक्ष', JJB: 'किशोर न्याय बोर्ड के समक्ष' },
    caseNumber: 'प्रकरण संख्या',
    child: 'बालक का नाम',
    date: 'आदेश की तिथि',
    reference: 'आदेश संदर्भ',
    signed: 'हस्ताक्षर',
    signer: { CWC_MEMBER: 'सदस्य, बाल कल्याण समिति', JJB_MEMBER: 'सदस्य, किशोर न्याय बोर्ड' } as Record<string, string>,
    membersSigning: (n: number) => `समिति के ${n} सदस्यों द्वारा हस्ताक्षरित`,
    seat: (designation: string, court: 'CWC' | 'JJB') =>
      `${({ CHAIRPERSON: 'अध्यक्ष', PRINCIPAL_MAGISTRATE: 'प्रधान मजिस्ट्रेट', SOCIAL_WORKER_MEMBER: 'सामाजिक कार्यकर्ता सदस्य' } as Record<string, string>)[designation] ?? 'सदस्य'}, ${court === 'CWC' ? 'बाल कल्याण समिति' : 'किशोर न्याय बोर्ड'}`,
    footer:
      'गोपनीय: बालक की पहचान प्रकट नहीं की जा सकती (धारा 74)। यह आदेश रक्षा में बालक के प्रकरण के साथ रखा गया है और इसकी SHA-256 छाप प्रकरण के लेखा-परीक्षा अभिलेख पर है, जिससे इस फ़ाइल में कोई भी परिवर्तन पकड़ा जा सकता है।',
  },
} as const;

/** The date in plain words, India time: "7 December 2026", "7 दिसंबर 2026". */
export function dateInWords(at: Date, lang: OrderLanguage): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-IN' : 'hi-IN', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Kolkata' }).format(at);
}
