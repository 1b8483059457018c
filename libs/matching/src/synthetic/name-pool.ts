// Given names and surnames by naming tradition, in the phonemic spelling of phonemes.ts.
// "phonemic=Latin" gives the usual Latin spelling where it is not the plain romanisation
// (Jaswinder for jas@viMdar, Khan for xaan).
import type { IndicScript } from '../scripts.js';
import { PLAIN_STYLE, type LatinStyle } from './render-latin.js';

export const NAME_REGIONS = ['HINDI', 'MARATHI', 'BENGALI', 'PUNJABI', 'GUJARATI', 'ODIA', 'TAMIL', 'TELUGU', 'KANNADA', 'MALAYALAM', 'MUSLIM'] as const;
export type NameRegion = (typeof NAME_REGIONS)[number];

export interface NameEntry {
  phonemic: string;
  /** the usual Latin spelling */
  latin: string;
}

export interface RegionNames {
  /** the script of the region's own records; MUSLIM names take the state's script */
  script: IndicScript | null;
  style: LatinStyle;
  male: NameEntry[];
  female: NameEntry[];
  surnames: NameEntry[];
  /** mother tongue, as ISO 639 code */
  language: string | null;
}

/** Names from a list of "phonemic" or "phonemic=Latin" items separated by white space. */
export function entries(list: string): NameEntry[] {
  return list
    .trim()
    .split(/\s+/)
    .map((item) => {
      const [phonemic = '', latin] = item.split('=');
      return { phonemic, latin: latin ?? '' };
    });
}

const NORTH: LatinStyle = { ...PLAIN_STYLE };
const EAST: LatinStyle = { ...PLAIN_STYLE, vAsB: 0.85, shAsS: 0.5, inherentO: 0.2, keepSchwa: 0.3, doubleI: 0.3, doubleU: 0.3 };
const ODIA_STYLE: LatinStyle = { ...EAST, inherentO: 0.05, shAsS: 0.6, rAsRu: 0.8, keepSchwa: 0.5 };
const SOUTH: LatinStyle = { ...PLAIN_STYLE, dentalTh: 0.7, doubleI: 0.6, doubleU: 0.6, keepSchwa: 0.6, kshAsX: 0.15 };
const MARATHI_STYLE: LatinStyle = { ...PLAIN_STYLE, rAsRu: 0.6 };

export const REGION_NAMES: Readonly<Record<NameRegion, RegionNames>> = {
  HINDI: {
    script: 'DEVANAGARI',
    style: NORTH,
    language: 'hi',
    male: entries(`raahul amit rohit vikaas saMjay aakaash arjun diipak raajesh suresh mahesh gaNesh dinesh manoj anil
      sunil aayush aMkit aman shivam sachin vishaal pradiip saMtosh mukesh raakesh anuj gaurav saurabh nitin aaditya
      abhiShek ravi vijay ajay raam shyaam gopaal lalit bharat naresh umesh kamal pavan satiish ashok mohan chaMdan
      niiraj shubham sumit harsh yash Rtik raaj@kumaar dharmeMdra jiteMdra aMkur praviiN`),
    female: entries(`puujaa priyaa aMjalii nehaa suniitaa aniitaa kaajal khushbuu priiti Rtu sonam jyoti rekhaa mam@taa
      kam@laa raj@nii saritaa kavitaa savitaa suman puunam riinaa miinaa lakShmii giitaa siitaa raadhaa maniiShaa
      diipikaa saakShii aaratii nishaa shivaanii kiran muskaan chaaMdanii sap@naa paayal naMdinii raadhikaa kusum
      priyaMkaa niituu`),
    surnames: entries(`sharmaa varmaa yaadav guptaa mishraa paaMDey tivaarii shriivaastav chauhaan Thaakur raaj@puut
      kushavaahaa prajaapati paasavaan maurya jaisvaal=Jaiswal chaudharii saahuu raay=Rai maMDal paaThak shuklaa dube
      agravaal nishaad kashyap baghel sainii raaj@bhar`),
  },
  MARATHI: {
    script: 'DEVANAGARI',
    style: MARATHI_STYLE,
    language: 'mr',
    male: entries(`gaNesh sachin raahul vinaayak oMkaar aniket prathamesh samiir shreyas tuShaar yogesh saagar maMgesh
      prashaaMt saMdesh shubham rohan akShay nikhil saMtosh dattaatray svapniil=Swapnil aadesh amol niilesh`),
    female: entries(`snehaa puujaa shraddhaa priyaMkaa saayalii ashvinii prajaktaa Rtujaa maadhurii kalyaaNii vaishaalii
      manaalii shiital suvarNaa anujaa pallavii ruupaalii mayuurii gaurii tejasvinii`),
    surnames: entries(`paaTiil jaadhav pavaar shiMde deshmukh kul@karNii joshii gaayakavaaD more kaaMble chavhaaN bhosale
      saavaMt kadam shelke vaagh`),
  },
  BENGALI: {
    script: 'BENGALI',
    style: EAST,
    language: 'bn',
    male: entries(`amal vimal=Bimal subhaash arijit devaashiiSh=Debashish saumya=Soumya raajiiv abhijit praNav=Pranab sujay
      jay=Joy saurabh=Sourav saMdiip tapas paartha=Partha subrat=Subrata ayan iMdraniil shubhajit vishvajit=Biswajit
      suman arNav=Arnab sayan devavrat=Debabrata kaushik rajat tan@may anirvaaN=Anirban`),
    female: entries(`puujaa mausumii=Moushumi riyaa priyaMkaa ananyaa sharmiShThaa suchitraa jhumpaa maumitaa=Moumita
      paayel ruupaa aniMditaa sushmitaa tanimaa madhumitaa vipaashaa=Bipasha dev@jaanii=Debjani shraavaNii=Srabani
      raakhii mitaalii arpitaa shreyaa svaatii=Swati Rtu@parNaa=Rituparna sudeShNaa paulomii=Poulomi mahuyaa
      tanushrii`),
    surnames: entries(`daas=Das ghoSh=Ghosh basu=Bose mukharjii=Mukherjee baanarjii=Banerjee chaTarjii=Chatterjee saahaa=Saha
      raay=Roy maMDal=Mondal sar@kaar=Sarkar paal=Pal de=Dey haal@daar=Halder bhaTTaachaarya=Bhattacharya sen mitra
      kar mallik=Mallick vishvaas=Biswas chakravartii=Chakraborty datta=Dutta majumdaar=Majumdar pramaaNik`),
  },
  PUNJABI: {
    script: 'GURMUKHI',
    style: NORTH,
    language: 'pa',
    male: entries(`har@priit=Harpreet gur@priit=Gurpreet man@priit=Manpreet jas@viMdar=Jaswinder gagan@diip=Gagandeep
      aman@diip=Amandeep har@jiit=Harjeet sukh@viMdar=Sukhwinder bal@jiit=Baljeet raviMdar=Ravinder nav@jot=Navjot
      jas@priit=Jaspreet lakh@viMdar=Lakhwinder kul@diip=Kuldeep param@jiit=Paramjit raMjiit=Ranjit dal@jiit=Daljit
      gur@viMdar=Gurwinder`),
    female: entries(`har@priit=Harpreet man@jiit=Manjeet sim@ran=Simran gurliin=Gurleen nav@niit=Navneet jasliin=Jasleen
      kiran raj@viMdar=Rajwinder amRt=Amrit sukh@priit=Sukhpreet man@diip=Mandeep raman@diip=Ramandeep harliin=Harleen
      param@jiit=Paramjit`),
    surnames: entries(`gil=Gill saMdhuu=Sandhu Dhillon=Dhillon sidhuu=Sidhu grevaal=Grewal baraar=Brar maan=Mann
      raMdhaavaa=Randhawa baj@vaa=Bajwa virk sekhon kaMg=Kang chiimaa=Cheema aujlaa=Aujla aroRaa=Arora khannaa=Khanna
      malhotraa=Malhotra kapuur=Kapoor`),
  },
  GUJARATI: {
    script: 'GUJARATI',
    style: NORTH,
    language: 'gu',
    male: entries(`jig@nesh=Jignesh haardik=Hardik bhaavesh chiraag ketan niilesh paresh mehul hitesh kalpesh jayesh viraaj
      dhruv paarth harsh niirav kuNaal darshan bhaargav mitesh ronak vipul hemaMt`),
    female: entries(`hetal komal dhaaraa nishaa khushii kRpaa=Krupa bhuumi jaahnavii=Jahnavi hiiral paayal nidhi Rddhi=Riddhi
      dhruvii maansii urvashii phaal@gunii=Falguni binal jinal hetvii`),
    surnames: entries(`paTel shaah=Shah mehtaa desaai=Desai par@maar=Parmar chauhaaN solaMkii mak@vaaNaa=Makwana raaThoD
      joshii trivedii paMDyaa=Pandya bhaTT=Bhatt chaav@Daa=Chavda vaaghelaa parikh modii sonii`),
  },
  ODIA: {
    script: 'ODIA',
    style: ODIA_STYLE,
    language: 'or',
    male: entries(`shubham saMbit devaashiiSh=Debasish pradiip vishvajit=Biswajit maanas rashmi@raMjan prakaash sushaaMt
      satyajit jagannaath vijay=Bijay ashok suurya@kaaMt=Suryakant chin@may sudhaaMshu manoj shivaraam=Sibaram
      ajay`),
    female: entries(`sasmitaa smRti liipsaa jyotsnaa shubhashrii mamataa suniitaa vaMdanaa=Bandana rashmitaa itishrii
      sujaataa priyadarshinii madhusmitaa lopaamudraa snigdhaa puujaa praj~naa=Pragya vaishaalii=Baisali ipsitaa`),
    surnames: entries(`mohaMtii=Mohanty daas=Das naayak=Nayak saahuu=Sahoo paNDaa=Panda mishraa paTTanaayak=Pattanaik
      beheraa=Behera svaaiN=Swain jenaa=Jena rauT=Rout pradhaan pariDaa=Parida mallik sethii rautaraay=Routray
      naMdaa=Nanda`),
  },
  TAMIL: {
    script: 'TAMIL',
    style: SOUTH,
    language: 'ta',
    male: entries(`murugan saravaNan kaarttik=Karthik vig@nesh=Vignesh praviiN=Praveen seMtil=Senthil vijay aruN=Arun
      gaNesh diinesh=Dinesh suresh ramesh baalaaji=Balaji maNikaNDan=Manikandan satiiSh=Sathish prabhu aravind selvam
      suMdar=Sundar aanaMd=Anand raajaa=Raja mohan gopi kaNNan=Kannan tamizh@selvan=Tamilselvan vel@murugan
      iLaMko=Ilango ezhil paaNDiyan=Pandian maadavan=Madhavan`),
    female: entries(`lakShmii=Lakshmi priyaa divyaa kaaviyaa=Kaviya diipaa=Deepa giitaa=Geetha kalaiselvii=Kalaiselvi selvii
      miinaakShii=Meenakshi revatii=Revathi saraNyaa=Saranya naMdinii=Nandhini gaayatrii=Gayathri saMgiitaa=Sangeetha
      vasaMtii=Vasanthi malar tenmozhi=Thenmozhi pavitraa=Pavithra jananii=Janani abhinayaa=Abinaya yamunaa
      mahaalakShmii=Mahalakshmi kavitaa=Kavitha sudhaa=Sudha puuMkoDi=Poongodi`),
    surnames: entries(`piLLai=Pillai mudaliyaar=Mudaliar naaDaar=Nadar tevar=Thevar kavuNDar=Gounder aiyar=Iyer
      aiyaMkaar=Iyengar chettiyaar=Chettiar`),
  },
  TELUGU: {
    script: 'TELUGU',
    style: SOUTH,
    language: 'te',
    male: entries(`veMkaTesh=Venkatesh shriinivaas=Srinivas naagaraaju=Nagaraju saaii=Sai mahesh ravi kiraN=Kiran chaitanya
      praviiN=Praveen naviin=Naveen suresh shiva=Siva kRShNa=Krishna chiraMjiivi=Chiranjeevi harShaa=Harsha
      vaMshii=Vamsi tejaa=Teja shriikaaMt=Srikanth anil gautam=Goutham naresh raaMbaabu=Rambabu veNugopaal=Venugopal`),
    female: entries(`lakShmii=Lakshmi shraavaNii=Sravani svaati=Swathi bhavaanii=Bhavani shiriishaa=Sirisha anuushaa=Anusha
      divyaa haritaa=Haritha kiirti=Keerthi maadhavii=Madhavi padmaa ramyaa saumyaa=Sowmya suniitaa=Sunitha
      tejasvinii=Tejaswini uShaa=Usha vaaNii=Vani jyoti=Jyothi shailajaa=Sailaja reNukaa=Renuka
      naaga@lakShmii=Nagalakshmi durgaa maunikaa=Mounika`),
    surnames: entries(`reDDii=Reddy naayuDu=Naidu raavu=Rao chaudarii=Chowdary gauD=Goud varmaa raaju=Raju shettii=Setty
      yaadav naayak paatruDu=Patrudu baMDaaru=Bandaru koNDaa=Konda`),
  },
  KANNADA: {
    script: 'KANNADA',
    style: SOUTH,
    language: 'kn',
    male: entries(`maMjunaath=Manjunath raaghaveMdra=Raghavendra praviiN=Praveen saMtosh naviin=Naveen
      shivakumaar=Shivakumar basavaraaj=Basavaraj mallikaarjun=Mallikarjun channappa hariish=Harish giriish=Girish
      prashaaMt=Prashanth siddhaarth=Siddharth darshan yashvaMt=Yashwanth chetan ravi umesh naagaraaj=Nagaraj
      mahaadev=Mahadev`),
    female: entries(`lakShmii=Lakshmi kaaverii=Kaveri shilpaa ruupaa=Roopa diipaa=Deepa savitaa=Savitha sahanaa rashmi
      bhaagyashrii=Bhagyashree puujaa=Pooja shruti=Shruthi ashvinii=Ashwini chaitraa netraa=Nethra pallavii=Pallavi
      meghaa siMdhu=Sindhu giitaa=Geetha maMjulaa=Manjula naagaveNii=Nagaveni`),
    surnames: entries(`gauDa=Gowda shettii=Shetty naayak hegaDe=Hegde kul@karNii=Kulkarni paaTiil=Patil raav=Rao bhaT=Bhat
      reDDii=Reddy naaik=Naik puujaarii=Poojary kaamat=Kamath shenaai=Shenoy hiremaTh=Hiremath aMgaDi=Angadi`),
  },
  MALAYALAM: {
    script: 'MALAYALAM',
    style: SOUTH,
    language: 'ml',
    male: entries(`arjun akhil aanaMd=Anand abhijit=Abhijith viShNu=Vishnu raahul=Rahul shriijit=Sreejith ajit=Ajith
      viniit=Vineeth jitin=Jithin nitin=Nithin anuup=Anoop shyaam=Shyam aruN=Arun midhun aravind suuraj=Sooraj
      unni@kRShNan=Unnikrishnan biju jomon jobin sajiiv=Sajeev pradiip=Pradeep`),
    female: entries(`aMjali=Anjali aatiraa=Athira aishvaryaa=Aiswarya aaryaa=Arya devikaa=Devika gopikaa=Gopika
      lakShmii=Lakshmi miiraa=Meera nimiShaa=Nimisha paarvatii=Parvathy reshmaa=Reshma shriilakShmii=Sreelakshmi
      shruti=Sruthi svaati=Swathy vidyaa=Vidya anaghaa=Anagha amRtaa=Amrutha snehaa=Sneha kiirtanaa=Keerthana
      jishaa=Jisha`),
    surnames: entries(`naayar=Nair menon piLLai=Pillai kuruup=Kurup vargiis=Varghese tomas=Thomas josaph=Joseph
      naMbiyaar=Nambiar paNikkar=Panicker maatyu=Mathew nambuutiri=Namboothiri vaariyar=Warrier`),
  },
  MUSLIM: {
    script: null,
    style: NORTH,
    language: null,
    male: entries(`rafiiq=Rafiq arshad aamir imraan=Imran sal@maan=Salman faizaan=Faizan aasif=Asif zaahid=Zahid
      shaahid=Shahid sohel=Sohail ir@faan=Irfan samiir=Sameer naviid=Naveed an@var=Anwar shaahrux=Shahrukh ayaan
      arbaaz daanish=Danish junaid saahil=Sahil faisal iqbaal=Iqbal naushaad=Naushad saajid=Sajid vasiim=Wasim adnaan
      tauqiir=Tauqeer mustafaa=Mustafa yuusuf=Yusuf raashid=Rashid kaliim=Kaleem`),
    female: entries(`faatimaa=Fatima aayeshaa=Ayesha zainab shab@nam=Shabnam sanaa=Sana rux@saar=Rukhsar naaziyaa=Nazia
      shaahiin=Shaheen rubiinaa=Rubina yaasmiin=Yasmin sal@maa=Salma nasriin=Nasreen hinaa=Heena zoyaa=Zoya anam
      mah@jabiin=Mahjabeen tabassum farhaanaa=Farhana sabiinaa=Sabina afsaanaa=Afsana gul@naaz=Gulnaz muskaan=Muskan
      aliinaa=Alina saaniyaa=Sania shaistaa=Shaista parviin=Parveen nuur=Noor rehaanaa=Rehana aafriin=Afreen`),
    surnames: entries(`xaan=Khan shaix=Shaikh aMsaarii=Ansari qureshii=Qureshi siddiiqii=Siddiqui saiyad=Syed alii=Ali
      aalam=Alam husain=Hussain malik paThaan=Pathan mirzaa=Mirza razaa=Raza`),
  },
};

/** Words that follow a name and say little: added to some names as people write them. */
export const NAME_FILLERS = {
  kumar: { phonemic: 'kumaar', latin: 'Kumar' },
  kumari: { phonemic: 'kumaarii', latin: 'Kumari' },
  devi: { phonemic: 'devii', latin: 'Devi' },
  singh: { phonemic: 'siMh', latin: 'Singh' },
  kaur: { phonemic: 'kaur', latin: 'Kaur' },
  muhammad: { phonemic: 'muhammad', latin: 'Mohammad' },
  khatoon: { phonemic: 'xaatuun', latin: 'Khatoon' },
  begum: { phonemic: 'begam', latin: 'Begum' },
} as const satisfies Record<string, NameEntry>;

/** Pet names a family or a found child may give instead of the name. */
export const PET_NAMES = {
  MALE: entries('munnaa=Munna guDDuu=Guddu pappuu=Pappu bab@luu=Babloo chhoTuu=Chhotu biTTuu=Bittu sonuu=Sonu monuu=Monu goluu=Golu chiMTuu=Chintu'),
  FEMALE: entries('munnii=Munni guDDii=Guddi guDiyaa=Gudiya piMkii=Pinky chuT@kii=Chutki sonii=Soni babalii=Babli Dolii=Dolly laaDo=Lado'),
} as const;
