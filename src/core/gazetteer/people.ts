// Gazetteer for people: common given names of many cultures, titles before names, role nouns that announce a person.

const GIVEN_NAMES = `
James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Mark Donald Steven
Steve Paul Andrew Joshua Kenneth Kevin Brian George Timothy Tim Ronald Ron Edward Jason Jeffrey Jeff Ryan Jacob Gary Nicholas
Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Ben Samuel Sam Gregory Frank Alexander Raymond Patrick Jack Dennis
Jerry Tyler Aaron Jose Adam Henry Nathan Douglas Zachary Peter Kyle Walter Ethan Jeremy Harold Keith Christian Roger Noah
Gerald Carl Terry Sean Austin Arthur Lawrence Jesse Dylan Bryan Joe Jordan Billy Bruce Albert Willie Gabriel Logan Alan
Juan Wayne Roy Ralph Randy Eugene Vincent Russell Elijah Louis Bobby Philip Phil Johnny Bill Bob Tom Mike Dave Jim Chris
Tony Rick Nick Matt Dan Andy Greg Ted Fred Ed Al Hank Barack Joe Hillary Kamala Mitt Ron Newt Rand Marco Ted Lindsey Nancy
Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Margaret Sandra Ashley Kimberly Emily
Donna Michelle Carol Amanda Dorothy Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna
Brenda Pamela Emma Nicole Helen Samantha Katherine Christine Debra Rachel Carolyn Janet Catherine Maria Heather Diane Ruth
Julie Olivia Joyce Virginia Victoria Kelly Lauren Christina Joan Evelyn Judith Megan Andrea Cheryl Hannah Jacqueline Martha
Gloria Teresa Ann Sara Madison Frances Kathryn Janice Jean Abigail Alice Judy Sophia Grace Denise Amber Doris Marilyn
Danielle Beverly Isabella Theresa Diana Natalie Brittany Charlotte Marie Kayla Alexis Lori Sandy Sue Kate Jane Meg Liz Beth
Hans Klaus Jurgen Wolfgang Helmut Gerhard Angela Olaf Friedrich Karl Heinz Dieter Horst Ursula Annalena Markus Thomas Tobias
Jean Pierre Jacques Francois Emmanuel Nicolas Louis Michel Philippe Alain Bernard Christophe Laurent Olivier Noel Thierry
Marine Segolene Dominique Henri Claude Andre Marcel Rene Yves Didier Guillaume Sebastien Frederic
Giuseppe Giovanni Mario Luigi Marco Matteo Silvio Romano Giorgia Sergio Paolo Francesco Alessandro Lorenzo Enrico
Carlos Luis Miguel Pedro Antonio Manuel Francisco Javier Jorge Alejandro Fernando Rafael Ricardo Diego Pablo Andres Felipe
Gustavo Jair Lula Cristina Evo Hugo Nicolas Gabriel Alberto Raul Fidel Ernesto Santiago Mariano Enrique Pedro Joao
Vladimir Dmitry Sergei Sergey Alexei Alexey Mikhail Boris Ivan Nikolai Yuri Igor Oleg Viktor Volodymyr Petro Yulia Olena
Andrzej Lech Donald Mateusz Viktor Milos Vaclav Recep Ahmet Mehmet Mustafa Kemal
Mohammed Muhammad Mohamed Ahmed Ahmad Ali Hassan Hussein Hosni Omar Abdullah Abdul Khalid Ibrahim Yusuf Mahmoud Bashar
Hamid Hamad Tamim Salman Faisal Fahd Ayatollah Ebrahim Hassan Mahmoud Benjamin Yair Naftali Ehud Ariel Shimon Yitzhak
Narendra Rahul Sonia Indira Manmohan Amit Raj Ravi Sanjay Vijay Anil Sunil Arvind Priya Imran Nawaz Shehbaz Benazir
Xi Hu Li Wen Zhou Deng Mao Jiang Wang Zhang Liu Chen Yang Huang Zhao Wu Lin Tsai Ma Ying-jeou Jinping Keqiang Qiang Yi
Fumio Shinzo Yoshihide Taro Junichiro Yoshihiko Naoto Yukio Yuko Akie Kenji Hiroshi Takeshi Koji Yoshi Hideki Masahiro
Akira Satoshi Shigeru Toshiro Haruki Hiroyuki Kiyoshi Motoko Naomi Yoko Keiko Akiko Yumi Yuki Kaori Sanae Taro Kazuo Ichiro
Moon Park Kim Lee Yoon Chung Choi Kang Cho Han Roh Kwon Jae-in Geun-hye Myung-bak Hong-keun Keon-hee Jong-un Jong-il Il-sung Kyung
Hyun Ji-hoon Min-jun Seo-yeon Jun Sung Jin Young Hee Soo
Lee Hsien Loong Mahathir Anwar Najib Joko Jokowi Susilo Megawati Prabowo Rodrigo Ferdinand Bongbong Corazon Gloria Benigno
Hun Prayut Thaksin Yingluck Aung Suu Thein Nguyen Ngo Tran Le Pham
Nelson Martin Luther Jacob Cyril Thabo Goodluck Muhammadu Bola Uhuru William Paul Yoweri Robert Emmerson Abiy Kofi Ban Antonio
Jacinda Scott Malcolm Kevin Julia Tony Anthony Justin Stephen Pierre Jean-Claude Ursula Charles Elon Jeff Sundar Satya
Tim Sergey Larry Mark Sheryl Warren Bill Steve Jony Phil Craig Eddy Jony Angela Rupert Louis Noel Thomas Jim Dennis
`;

/** Titles written before a name, capitalised; multiword ones are listed in full. */
const TITLES = `Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Prof Prof. Professor Sir Dame Lord Lady Rev Rev. Reverend Father Sister Brother
President Vice_President Prime_Minister Deputy_Prime_Minister Premier Chancellor Minister Foreign_Minister Defense_Minister
Defence_Minister Finance_Minister Trade_Minister Secretary Secretary_of_State Secretary-General Secretary_General
Senator Sen. Sen Rep. Rep Representative Congressman Congresswoman Governor Gov. Gov Mayor Ambassador Judge Justice
Mr_Justice Chief_Justice Presiding_Judge King Queen Prince Princess Emperor Empress Crown_Prince Pope Cardinal Bishop
Archbishop Rabbi Imam Sheikh Sheik Ayatollah General Gen. Gen Admiral Adm. Colonel Col. Lieutenant Lt. Major Maj. Captain
Capt. Sergeant Sgt. Commander Marshal Field_Marshal Chairman Chairwoman Chair Speaker Leader Spokesman Spokeswoman
Spokesperson Director Commissioner Inspector Detective Officer Agent Coach First_Lady Opposition_Leader Chief_Executive
CEO CFO COO CTO Chief Executive Founder Co-founder Analyst Ambassador Envoy Councillor Councilman Sheriff Attorney_General
Solicitor_General Lawmaker MP Saint St. Chief_Operating_Officer Chief_Executive_Officer Chief_Financial_Officer
Chief_Technology_Officer Chief_Operating_Officer Senior_Vice_President Executive_Vice_President Managing_Director`;

/** Honorifics that belong to the name as written ("Mr. Yoon" is a spelling); other titles stay outside the span. */
const HONORIFICS = `Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Sir Dame Lord Lady`;

/** Lower-case role nouns that announce a person right after them ("analyst Paul Nesbit", "his wife, Yuko"). */
const ROLE_NOUNS = `analyst analysist spokesman spokeswoman spokesperson executive president minister secretary senator
governor mayor judge chairman chairwoman director officer official founder co-founder ceo cfo coo cto chief leader
lawmaker legislator diplomat ambassador envoy premier chancellor general commander wife husband son daughter father mother
brother sister widow aide adviser advisor economist professor researcher scientist expert lawyer attorney author writer
journalist reporter correspondent editor columnist actor actress singer player coach manager head boss designer engineer
counterpart predecessor successor colleague rival candidate nominee prosecutor investigator inspector police officer
lady king queen prince princess emperor`;

const words = (list: string): string[] => list.split(/\s+/).filter(Boolean).map((w) => w.replace(/_/g, ' '));

export const GIVEN_NAME_LIST: readonly string[] = words(GIVEN_NAMES);
export const TITLE_LIST: readonly string[] = words(TITLES);
export const HONORIFIC_LIST: readonly string[] = words(HONORIFICS);
export const ROLE_NOUN_LIST: readonly string[] = words(ROLE_NOUNS);
