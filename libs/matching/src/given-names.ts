// Given names borne by many Indian children, boys' and girls' apart, each list roughly from the more to the less
// common (the synthetic pools' order, then names added for the rules below). Data for the name rules, not pairs:
//   - two different names on this list one consonant apart (Ramesh, Rajesh) are two names, not a slip of the pen;
//   - a boy's and a girl's name alike but for an ending (Ankit, Ankita) are the two genders' forms of a name;
//   - a script that leaves a sound ambiguous (Tamil k/g, Urdu's unwritten vowels) is read as the commonest name it
//     can spell (கணேஷ் Ganesh, عمران Imran).
// The order stands in for frequency until counts of real registrations replace it. A name on both lists is either.

export const BOYS_NAMES = `
  rahul amit rohit vikas sanjay akash arjun dipak rajesh suresh mahesh ganesh dinesh manoj anil sunil ayush ankit
  aman shivam sachin vishal pradip santosh mukesh rakesh anuj gaurav saurabh nitin aditya abhishek ravi vijay ajay
  ram shyam gopal lalit bharat naresh umesh kamal pavan satish ashok mohan chandan niraj shubham sumit harsh yash
  ritik rajkumar dharmendra jitendra ankur pravin vinayak onkar aniket prathamesh samir shreyas tushar yogesh sagar
  mangesh prashant sandesh rohan akshay nikhil dattatray swapnil adesh amol nilesh amal bimal subhash arijit
  debashish soumya rajib abhijit pranab sujay joy sourav sandip tapas partha subrata ayan indranil shubhajit
  biswajit suman arnab sayan debabrata kaushik rajat tanmay anirban harpreet gurpreet manpreet jaswinder gagandeep
  amandeep harjeet sukhwinder baljeet ravinder navjot jaspreet lakhwinder kuldeep paramjit ranjit daljit gurwinder
  jignesh hardik bhavesh chirag ketan paresh mehul hitesh kalpesh jayesh viraj dhruv parth nirav kunal darshan
  bhargav mitesh ronak vipul hemant subham sambit debasish manas rasmiranjan prakas susant satyajit jagannath bijay
  asok suryakant chinmay sudhansu sibaram murugan saravanan karthik vignesh praveen senthil arun ramesh balaji
  manikandan sathish prabhu aravind selvam sundar anand raja gopi kannan tamilselvan velamurugan ilango ezhil
  pandian madhavan venkatesh srinivas nagaraju sai kiran chaithanya naveen siva krishna chiranjeevi harsha vamsi
  teja srikanth goutham rambabu venugopal manjunath raghavendra santhosh shivakumar basavaraj mallikarjun channappa
  harish girish prashanth siddharth yashwanth chethan nagaraj mahadev akhil abhijith vishnu sreejith ajith vineeth
  jithin nithin anoop midhun sooraj unnikrishnan biju jomon jobin sajeev pradeep rafiq arshad amir imran salman
  faizan asif zahid shahid sohail irfan sameer naveed anwar shahrukh arbaz danish junaid sahil faisal iqbal naushad
  sajid wasim adnan tauqeer mustafa yusuf rashid kaleem manish vinod pramod sudhir vivek varun tarun karan rishabh
  devansh aryan anshul mayank himanshu shekhar sanjeev rajiv mahendra surendra virendra ashwani prem ritesh kapil
  sandeep ankush abhay akhilesh brijesh shailendra ghanshyam bhupendra suraj vaibhav rushikesh ajinkya atul chetan
  dhiraj harshal kedar parag pankaj siddhesh suhas tejas vikram vitthal shankar sudip prasenjit shyamal goutam
  anindya arup asim niloy prabir ranjan ratan subhankar dipankar biplab bikash mrinal pritam soumen somnath utpal
  nirmal harjinder sukhdev balvir gurjeet jagjit manjit inderjit karanvir taranjit harman jaskaran amritpal prabhjot
  sarabjit hardeep jagdeep kulvir satnam gurnam ajit davinder surjit manmohan charanjit arshdeep gursewak ashwin
  bhavik dilip dharmesh gaurang hiren jatin kamlesh kishore nayan pratik dhaval jagdish nikunj piyush rushabh vatsal
  devang prasanta saroj niranjan dillip bibhuti subrat tapan bhabani amiya ashis trilochan biswanath debendra
  pabitra sarat bikram rabi sivakumar balu kathir sathya jeeva gokul hari karthikeyan muthu raghu vasanth prakash
  vinoth dhanush maran anbu sakthi sekar durai prasad kalyan raviteja srinath ramakrishna venkat bhaskar sudheer
  lokesh sairam manikanta charan prabhakar nagesh chandrashekar puneeth sudeep rakshith shashi veeresh basappa
  hanumantha shivaraj rudresh vinay manu madhu aswin sanju sujith sabu shibu sajan adarsh ranjith dileep jayan
  prasanth ratheesh sreekumar vipin sreeraj binu ahmed akbar altaf asad aziz farooq hamid haroon ibrahim javed
  kashif mahmood majid nadeem nasir rahman rizwan salim shakeel tariq umar usman zubair zaid arif aftab hasan kamran
  sohan mohit sachit rahil farhan sultan jay ali tahir zakir abdul hussain joydeep dnyaneshwar dnyanesh saikumar
  saikiran saiteja harinder surinder deepak ramu raju amar
`;

export const GIRLS_NAMES = `
  puja priya anjali neha sunita anita kajal khushbu priti ritu sonam jyoti rekha mamta kamla rajni sarita kavita
  savita suman punam rina mina lakshmi gita sita radha manisha dipika sakshi arati nisha shivani kiran muskan
  chandani sapna payal nandini radhika kusum priyanka nitu sneha shraddha sayali ashvini prajakta rutuja madhuri
  kalyani vaishali manali shital suvarna anuja pallavi rupali mayuri gauri tejasvini moushumi riya ananya
  sharmishtha suchitra jhumpa moumita payel rupa anindita sushmita tanima madhumita bipasha debjani srabani rakhi
  mitali arpita shreya swati rituparna sudeshna poulomi mahuya tanushri harpreet manjeet simran gurleen navneet
  jasleen rajwinder amrit sukhpreet mandeep ramandeep harleen paramjit hetal komal dhara khushi krupa bhumi jahnavi
  hiral nidhi riddhi dhruvi mansi urvashi falguni binal jinal hetvi sasmita smruti lipsa jyotsna subhasri mamata
  bandana rasmita itisri sujata priyadarsini madhusmita lopamudra snigdha pragya baisali ipsita divya kaviya deepa
  geetha kalaiselvi selvi meenakshi revathi saranya nandhini gayathri sangeetha vasanthi malar thenmozhi pavithra
  janani abinaya yamuna mahalakshmi kavitha sudha poongodi sravani swathi bhavani sirisha anusha haritha keerthi
  madhavi padma ramya sowmya sunitha tejaswini usha vani jyothi sailaja renuka nagalakshmi durga mounika kaveri
  shilpa roopa savitha sahana rashmi bhagyashree pooja shruthi ashwini chaithra nethra megha sindhu manjula nagaveni
  athira aiswarya arya devika gopika meera nimisha parvathy reshma sreelakshmi sruthi swathy vidya anagha amrutha
  keerthana jisha fatima ayesha zainab shabnam sana rukhsar nazia shaheen rubina yasmin salma nasreen heena zoya
  anam mahjabeen tabassum farhana sabina afsana gulnaz alina sania shaista parveen noor rehana afreen sushma urmila
  shanti manju vandana archana renu asha rani neelam sangeeta mona shweta shruti anshika aaradhya saloni kriti
  vaishnavi isha tanvi mahima lalita shashi smita sonali deepali rohini shubhangi aparna nikita rasika supriya
  vanita yogita ujwala anuradha soma rima shampa piyali sangita sumita sharmila nandita babita shilpi ruma purnima
  dipti papiya kakali antara trisha debolina ishita jasvir gurjeet baljit sukhjit navpreet prabhjot kamaljit amarjit
  jaspreet manpreet harjot gurpreet navdeep kirandeep amanpreet balwinder surinder gurmeet ravneet harsimran gagan
  bhavana daksha ekta hina kinjal sejal sonal tejal trupti urvi varsha ami subhadra sarojini manasi pramila kalpana
  sabita minati namita pratima subhasmita susmita jayanti monalisa nibedita rojalin bijayalaxmi valli dhanalakshmi
  sumathi uma parvathi indhu anitha sathya shalini hema preethi brindha vidhya nithya tamilselvi ezhilarasi
  muthulakshmi chithra jayanthi shanthi kamala mallika sujatha savitri aruna swapna harika mamatha rajani naveena
  sowjanya bhargavi sravya deepthi prasanna vennela sravanthi jhansi shobha suma kavya gangamma sharada yashoda
  sunanda vijayalakshmi bhavya spandana prema akshatha nayana sreeja bindu soumya smitha sandhya neethu malavika
  anju revathy amina asma farzana haseena jamila kulsum mumtaz nargis nilofar razia rukhsana saba samina shagufta
  shirin suraiya tarannum uzma zeenat zubaida alia sajida nazira firdaus iram shahnaz lekha sima amita punita rita
  ankita rizwana praveena sultana arifa shahida nasira jaya sunila vijaya sanjana aisha gowri dnyanada dnyaneshwari
  seema reena
`;
