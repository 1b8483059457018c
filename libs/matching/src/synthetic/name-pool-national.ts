// More given names and surnames per naming tradition, used only by the national profile
// (profile.ts): appended after the names of name-pool.ts, which stay the fitted data set's
// whole pool. Same phonemic spelling (phonemes.ts); "phonemic=Latin" where the usual Latin
// spelling is not the region's plain romanisation. Each list runs roughly from the more to the
// less common, as the national profile draws them by rank.
import { entries, type NameEntry, type NameRegion } from './name-pool.js';

export interface ExtraNames {
  male: NameEntry[];
  female: NameEntry[];
  surnames: NameEntry[];
}

export const NATIONAL_EXTRA: Readonly<Record<NameRegion, ExtraNames>> = {
  HINDI: {
    male: entries(`ramesh maniiSh=Manish vinod pramod sudhiir=Sudhir vivek varuN=Varun taruN=Tarun karaN=Karan RShabh=Rishabh
      devaaMsh=Devansh aaryan=Aryan aMshul=Anshul mayaMk=Mayank prashaaMt=Prashant rajat himaaMshu=Himanshu shekhar
      saMjiiv=Sanjeev raajiiv=Rajiv maheMdra=Mahendra sureMdra=Surendra viireMdra=Virendra yogesh ashvanii=Ashwani prem
      ritesh kapil saMdiip=Sandeep aMkush=Ankush rohan abhay akhilesh brijesh shaileMdra=Shailendra ghan@shyaam=Ghanshyam
      bhuupeMdra=Bhupendra`),
    female: entries(`suSh@maa=Sushma urmilaa=Urmila shaaMti=Shanti maMjuu=Manju shilpaa=Shilpa vaMdanaa=Vandana archanaa
      rashmi renuu=Renu uShaa=Usha aashaa=Asha miiraa=Meera raanii=Rani niilam=Neelam saMgiitaa=Sangeeta monaa
      shvetaa=Shweta svaatii=Swati nidhi shruti aMshikaa=Anshika aaraadhyaa=Aaradhya salonii=Saloni kRti=Kriti
      vaiShNavii=Vaishnavi ishaa=Isha tanvii=Tanvi mahimaa=Mahima lalitaa=Lalita shashi`),
    surnames: entries(`paal=Pal raaThaur=Rathore tomar dvivedii=Dwivedi chaturvedii=Chaturvedi rastogii=Rastogi jain goyal
      saksenaa=Saxena nigam baMsal=Bansal mittal siMghal=Singhal raavat=Rawat negii=Negi biShT=Bisht lodhii=Lodhi kurmii=Kurmi
      kevaT=Kewat maaMjhii=Manjhi`),
  },
  MARATHI: {
    male: entries(`mahesh suuraj=Suraj aakaash=Akash praviiN=Pravin sunil vaibhav kuNaal=Kunal RShikesh=Rushikesh
      abhijiit=Abhijit ajiMkya=Ajinkya atul chetan dhiiraj=Dhiraj gaurav harShal=Harshal kedaar=Kedar paraag=Parag
      paMkaj=Pankaj saurabh siddhesh suhaas=Suhas tejas umesh vishaal=Vishal vikram viThThal=Vitthal yash shaMkar=Shankar`),
    female: entries(`priyaa aashaa=Asha suniitaa=Sunita maniiShaa=Manisha smitaa=Smita svaatii=Swati sonaalii=Sonali
      diipaalii=Deepali rohiNii=Rohini shubhaaMgii=Shubhangi aparNaa=Aparna archanaa jyoti kaajal komal nikitaa=Nikita
      rasikaa=Rasika saakShii=Sakshi savitaa=Savita supriyaa=Supriya vanitaa=Vanita vaMdanaa=Vandana yogitaa=Yogita
      ujjvalaa=Ujwala anuraadhaa=Anuradha`),
    surnames: entries(`desh@paaMDe=Deshpande gokhale kaale=Kale sonavaNe=Sonawane mhaatre=Mhatre raaNe=Rane nikam
      thoraat=Thorat saaluMkhe=Salunkhe lokhaMDe=Lokhande naaik=Naik ghor@paDe=Ghorpade jag@taap=Jagtap maane=Mane`),
  },
  BENGALI: {
    male: entries(`sudiip=Sudip prasen@jit=Prasenjit shyaamal=Shyamal gautam=Goutam aniMdya=Anindya aruup=Arup asiim=Asim
      nilay=Niloy pradiip=Pradip praviir=Prabir raMjan=Ranjan ratan tuShaar=Tushar saMjay=Sanjay shubhaMkar=Subhankar
      diipaMkar=Dipankar viplav=Biplab vikaash=Bikash maanas=Manas mRNaal=Mrinal raahul=Rahul priitam=Pritam
      saumen=Soumen som@naath=Somnath gopaal=Gopal utpal=Utpal nirmal=Nirmal`),
    female: entries(`somaa=Soma riimaa=Rima shampaa=Shampa priyaa=Priya piyaalii=Piyali anuraadhaa=Anuradha sonaalii=Sonali
      saMgiitaa=Sangita sumitaa=Sumita sharmilaa=Sharmila naMditaa=Nandita babitaa=Babita shilpii=Shilpi
      rumaa=Ruma puurNimaa=Purnima diipti=Dipti papiyaa=Papiya kaakalii=Kakali aMtaraa=Antara tRShaa=Trisha
      devaliinaa=Debolina ishitaa=Ishita`),
    surnames: entries(`naath=Nath chaudhurii=Chaudhuri bhaumik=Bhowmick kuNDu=Kundu maajhii=Majhi baag=Bag
      haaj@raa=Hazra naskar=Naskar dhar beraa=Bera daas@gupta=Dasgupta`),
  },
  PUNJABI: {
    male: entries(`har@jiMdar=Harjinder sukh@dev=Sukhdev bal@viir=Balvir gur@jiit=Gurjeet jag@jiit=Jagjit man@jiit=Manjit
      iMdar@jiit=Inderjit karaN@viir=Karanvir taran@jiit=Taranjit har@man=Harman jas@karaN=Jaskaran amRt@paal=Amritpal
      prabh@jot=Prabhjot sarab@jiit=Sarabjit har@diip=Hardeep jag@diip=Jagdeep kul@viir=Kulvir sat@naam=Satnam
      gur@naam=Gurnam ajiit=Ajit daviMdar=Davinder sur@jiit=Surjit man@mohan=Manmohan charan@jiit=Charanjit
      arsh@diip=Arshdeep gur@sevak=Gursewak`),
    female: entries(`jas@viir=Jasvir gur@jiit=Gurjeet bal@jiit=Baljit sukh@jiit=Sukhjit nav@priit=Navpreet prabh@jot=Prabhjot
      kamal@jiit=Kamaljit amar@jiit=Amarjit jas@priit=Jaspreet man@priit=Manpreet har@jot=Harjot gur@priit=Gurpreet
      nav@diip=Navdeep kiran@diip=Kirandeep aman@priit=Amanpreet bal@viMdar=Balwinder suriMdar=Surinder gur@miit=Gurmeet
      rav@niit=Ravneet har@sim@ran=Harsimran gagan`),
    surnames: entries(`dhaaliivaal=Dhaliwal sahotaa=Sahota bhullar chahal paMnuu=Pannu dhiMDsaa=Dhindsa bains bedii=Bedi
      sodhii=Sodhi aahuujaa=Ahuja bhaaTiyaa=Bhatia chaDDhaa=Chadha johal`),
  },
  GUJARATI: {
    male: entries(`ashvin=Ashwin bhaavik=Bhavik chetan diliip=Dilip dharmesh gauraaMg=Gaurang hiren jatin kam@lesh=Kamlesh
      kishor=Kishore maniiSh=Manish mukesh nayan pratiik=Pratik raajesh=Rajesh ramesh saMjay=Sanjay tuShaar=Tushar umesh
      vijay yogesh dhaval jag@diish=Jagdish mahesh nikuMj=Nikunj piyuuSh=Piyush RShabh=Rushabh vatsal devaaMg=Devang
      saagar=Sagar`),
    female: entries(`bhaavanaa=Bhavana dakShaa=Daksha divyaa=Divya ek@taa=Ekta giitaa=Gita hiinaa=Hina jyoti kaajal=Kajal
      kiMjal=Kinjal nehaa=Neha priyaa=Priya riyaa=Riya sejal shiital=Shital sonal tejal tRpti=Trupti urvii=Urvi
      vaishaalii=Vaishali varShaa=Varsha amii=Ami puujaa=Pooja`),
    surnames: entries(`gohil jaaDejaa=Jadeja vyaas=Vyas dave Thakkar=Thakkar raaval=Raval chaudharii=Chaudhari
      paMchaal=Panchal mistrii=Mistry gajjar vasaavaa=Vasava`),
  },
  ODIA: {
    male: entries(`saMtosh=Santosh prashaaMt=Prasanta sudiip=Sudip diipak=Dipak saroj saMjay=Sanjay sunil raMjan=Ranjan
      pramod niraMjan=Niranjan gopaal=Gopal diliip=Dillip vibhuuti=Bibhuti subrat saumya=Soumya tapan bhavaanii=Bhabani
      hemaMt=Hemant amiya aashiiSh=Ashis trilochan vishva@naath=Biswanath chaMdan=Chandan deveMdra=Debendra pavitra=Pabitra
      sharat=Sarat vikram=Bikram ravi=Rabi`),
    female: entries(`subhadraa=Subhadra sarojinii=Sarojini maanasii=Manasi pramilaa=Pramila kalpanaa=Kalpana giitaa=Gita
      savitaa=Sabita minati namitaa=Namita pratimaa=Pratima smitaa=Smita aniitaa=Anita archanaa=Archana
      shubhasmitaa=Subhasmita sushmitaa=Susmita jayaMtii=Jayanti saMgiitaa=Sangita monaalisaa=Monalisa niveditaa=Nibedita
      rojaliin=Rojalin vijayalakShmii=Bijayalaxmi`),
    surnames: entries(`vishvaal=Biswal saamal=Samal maharaaNaa=Maharana senaapati=Senapati maajhii=Majhi paatra=Patra
      tripaaThii=Tripathy mahaapaatra=Mahapatra leMkaa=Lenka`),
  },
  TAMIL: {
    male: entries(`raaj@kumaar=Rajkumar shaMkar=Shankar shivakumaar=Sivakumar veMkaTesh=Venkatesh baaluu=Balu katir=Kathir
      satya=Sathya jiivaa=Jeeva gokul hari kaarttikeyan=Karthikeyan muttu=Muthu raghu raajesh=Rajesh vasaMt=Vasanth
      manoj naviin=Naveen prakaash=Prakash ashok saMtosh=Santhosh vinod=Vinoth dhanuSh=Dhanush kishor=Kishore maaran=Maran
      anbu shakti=Sakthi shekar=Sekar durai`),
    female: entries(`vaLLi=Valli dhanalakShmii=Dhanalakshmi sumati=Sumathi umaa=Uma paarvatii=Parvathi iMdu=Indhu
      aniitaa=Anitha satyaa=Sathya kiirtanaa=Keerthana shaalinii=Shalini ramyaa=Ramya hemaa=Hema priiti=Preethi
      bRMdaa=Brindha vidyaa=Vidhya nityaa=Nithya tamizhselvii=Tamilselvi ezhilarasi=Ezhilarasi
      muttulakShmii=Muthulakshmi chitraa=Chithra jayaMtii=Jayanthi shaaMti=Shanthi saumyaa=Sowmya kamalaa=Kamala
      mallikaa=Mallika`),
    surnames: entries(`konaar=Konar aasaari=Asari`),
  },
  TELUGU: {
    male: entries(`ramesh prasaad=Prasad raghu raajesh=Rajesh satiish=Satish saMdiip=Sandeep kalyaaN=Kalyan ravitejaa=Raviteja
      shriinaath=Srinath raamakRShNa=Ramakrishna veMkaT=Venkat aanaMd=Anand bhaaskar=Bhaskar vijay
      gaNesh=Ganesh mohan sudhiir=Sudheer lokesh pavan saairaam=Sairam maNikaMTh=Manikanta hariish=Harish suman ajay
      charaN=Charan prabhaakar=Prabhakar`),
    female: entries(`sujaataa=Sujatha saavitrii=Savitri aruNaa=Aruna kalyaaNii=Kalyani priyaa=Priya raadhaa=Radha
      svapnaa=Swapna haarikaa=Harika pallavii=Pallavi mamataa=Mamatha rajanii=Rajani giitaa=Geetha naviinaa=Naveena
      saujanya=Sowjanya bhaargavii=Bhargavi shraavya=Sravya mahaalakShmii=Mahalakshmi aMjali=Anjali diipti=Deepthi
      prasannaa=Prasanna vennela sravaMtii=Sravanthi jhaaMsii=Jhansi`),
    surnames: entries(`mudiraaj=Mudiraj chiMtaa=Chinta bommaa=Bomma kaTTaa=Katta`),
  },
  KANNADA: {
    male: entries(`shriinivaas=Srinivas veMkaTesh=Venkatesh raghu kiraN=Kiran suresh ramesh mahesh naagesh=Nagesh lokesh
      yogesh chaMdrashekhar=Chandrashekar puniit=Puneeth sudiip=Sudeep rakShit=Rakshith saMjay=Sanjay shashi anil sunil
      viiresh=Veeresh basappa hanumaMta=Hanumantha shivaraaj=Shivaraj rudresh vinay abhiShek=Abhishek manu
      pradiip=Pradeep madhu`),
    female: entries(`shobhaa=Shobha sumaa=Suma vidyaa=Vidya kaavyaa=Kavya anuushaa=Anusha divyaa=Divya ramyaa=Ramya
      saumyaa=Sowmya paarvatii=Parvathi gaMgamma=Gangamma shaaradaa=Sharada yashodaa=Yashoda sunaMdaa=Sunanda
      reNukaa=Renuka vijayalakShmii=Vijayalakshmi bhavyaa=Bhavya spaMdanaa=Spandana naMdinii=Nandini mamataa=Mamatha
      hemaa=Hema aniitaa=Anitha premaa=Prema saMgiitaa=Sangeetha akShataa=Akshatha nayanaa=Nayana`),
    surnames: entries(`desaai=Desai joshii=Joshi shaanbhaag=Shanbhag pai aachaar=Achar hosamani talavaar=Talwar
      suvarNa=Suvarna`),
  },
  MALAYALAM: {
    male: entries(`ashvin=Aswin amal saMjuu=Sanju sujit=Sujith saabu=Sabu shibu raajesh=Rajesh saajan=Sajan saMdiip=Sandeep
      vivek manu aadarsh=Adarsh aakaash=Akash nikhil raMjit=Ranjith diliip=Dileep gokul hari jayan mahesh
      prashaaMt=Prasanth ratiish=Ratheesh shriikumaar=Sreekumar vipin shriiraaj=Sreeraj binu anil`),
    female: entries(`divyaa=Divya shriijaa=Sreeja siMdhu=Sindhu biMdu=Bindu saumyaa=Soumya smitaa=Smitha maMju=Manju
      aashaa=Asha diipaa=Deepa saMdhyaa=Sandhya priyaa=Priya rekhaa=Rekha bhavyaa=Bhavya niitu=Neethu nishaa=Nisha
      haritaa=Haritha aparNaa=Aparna gaayatrii=Gayathri maaLavikaa=Malavika aMju=Anju revatii=Revathy shilpaa=Shilpa
      jyoti=Jyothi`),
    surnames: entries(`kuriyan=Kurian chaakko=Chacko maaraar=Marar kaimaL=Kaimal taMpi=Thampi pauLos=Paulose`),
  },
  MUSLIM: {
    male: entries(`ah@mad=Ahmed ak@bar=Akbar altaaf=Altaf asad aziiz=Aziz faaruuq=Farooq hamiid=Hamid haaruun=Haroon ibraahiim=Ibrahim
      jaaved=Javed kaashif=Kashif mah@muud=Mahmood majiid=Majid nadiim=Nadeem nasiir=Nasir rah@maan=Rahman riz@vaan=Rizwan
      saliim=Salim shakiil=Shakeel taariq=Tariq umar usmaan=Usman zubair zaid aarif=Arif af@taab=Aftab hasan
      kam@raan=Kamran`),
    female: entries(`amiinaa=Amina asmaa=Asma far@zaanaa=Farzana hasiinaa=Haseena jamiilaa=Jamila kul@suum=Kulsum
      mum@taaz=Mumtaz nar@gis=Nargis niilofar=Nilofar raziyaa=Razia rux@saanaa=Rukhsana sabaa=Saba samiinaa=Samina
      shaguftaa=Shagufta shiriin=Shirin suraiyaa=Suraiya tarannum uzmaa=Uzma ziinat=Zeenat zubaidaa=Zubaida
      aaliyaa=Alia saajidaa=Sajida naziiraa=Nazira fir@daus=Firdaus iram shah@naaz=Shahnaz`),
    surnames: entries(`faaruuqii=Farooqui riz@vii=Rizvi naq@vii=Naqvi usmaanii=Usmani haashmii=Hashmi beg
      man@suurii=Mansoori sal@maanii=Salmani id@riisii=Idrisi`),
  },
};
