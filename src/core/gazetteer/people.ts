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
Aaron Abby Abraham Ada Adrian Adriana Agnes Aidan Aileen Alan Alana Albert Alec Alejandra Alex Alexa Alexandra Alexandre
Alfred Alicia Alison Allan Allen Allison Alma Alvin Amanda Amelia Amos Amy Ana Andre Andrea Andrew Andy Angel Angelina Anita
Ann Anne Annie Antoine Anton April Archie Ariana Arnold Arturo Ashley Audrey August Ava Barry Beatrice Becky Belinda Ben
Benny Bernadette Bernie Bert Beth Bethany Bianca Blake Bonnie Brad Bradley Brenda Brendan Brent Brett Brian Bridget Britney
Brooke Bruce Bruno Bryan Bryce Caitlin Calvin Cameron Camila Candace Carla Carlos Carmen Caroline Carrie Casey Cassandra
Cecilia Cedric Celia Chad Charlie Chelsea Cheryl Chester Chloe Chuck Cindy Claire Clara Clarence Claudia Clay Clayton
Cliff Clifford Clint Clinton Cody Colin Connie Conor Connor Constance Cora Corey Courtney Craig Crystal Curtis Cynthia
Daisy Dale Dallas Damian Damon Dana Daniela Danny Dara Darla Darrell Darren Daryl Dawn Dean Debbie Delia Dennis Derek
Desmond Devin Dexter Dianne Dolores Don Donovan Dora Doug Drew Duane Dustin Dwayne Dwight Earl Eddie Edgar Edith Edna
Edwin Eileen Elaine Eleanor Elena Eli Elias Elisa Elise Eliza Ella Ellen Ellie Elliot Elliott Ellis Eloise Elsa Elvis
Emil Emilia Emilio Eric Erica Erik Erin Ernest Esther Ethel Eugene Eva Evan Eve Ezra Faith Felix Fiona Floyd Forrest
Francis Frankie Franklin Freddie Frederick Gail Garrett Gavin Gene Geoffrey Georgia Gerard Gilbert Gina Glen Glenn Gordon
Grace Graham Grant Greta Gwen Hailey Haley Harriet Harrison Harry Harvey Hazel Heidi Herbert Herman Hilary Holly Homer
Howard Hugh Ian Ida Ingrid Irene Iris Isaac Isabel Isaiah Ivy Jackie Jacqueline Jade Jaime Jake Jamal Jamie Jan Jana
Janet Janice Jared Jasmine Jay Jean Jeanne Jenna Jenny Jeremiah Jerome Jill Jimmy Jo Joan Joanna Joanne Jocelyn Joel Johnny
Jon Jonah Josephine Josh Joy Joyce Juan Judith Judy Julian Juliet Julio June Kara Karen Kari Karl Kate Katherine Kathleen
Kathy Katie Katrina Kay Kayla Keith Kelly Kelvin Ken Kendra Kenny Kent Kerry Kim Kirk Kristen Kristin Kurt Kyle Lana Lance
Lara Larry Laura Lauren Laurie Lawrence Leah Lee Leila Lena Leo Leon Leonard Leroy Leslie Lester Lewis Lily Lincoln Lindsay
Lionel Lloyd Logan Lois Lorraine Louise Lucas Lucia Lucy Luke Luther Lydia Lynn Mabel Mack Madeline Maggie Malcolm Mandy
Marc Marcus Margaret Margo Maria Marian Marilyn Mario Marion Marjorie Marla Marlene Marsha Marshall Marvin Matilda Maureen
Maurice Max Maxine Maya Megan Melanie Melinda Melvin Meredith Mia Micah Michele Mildred Miles Milton Mindy Miranda Miriam
Misty Mitch Mitchell Molly Monica Morgan Morris Muriel Myra Myron Nadia Nancy Naomi Natasha Nathan Nathaniel Neal Neil Nell
Nelson Nina Noah Nora Norma Norman Oliver Olivia Opal Oscar Otis Owen Pamela Parker Patsy Patty Paula Pauline Pearl Peggy
Penny Percy Perry Pete Phillip Phoebe Preston Priscilla Quentin Quinn Rachel Ralph Ramon Randall Randy Ray Reba Reed Regina
Reginald Rex Rhonda Ricky Riley Rita Rob Robbie Roberta Robin Rochelle Rod Rodney Roger Roland Ron Ronnie Rosa Rosalind Rose
Rosemary Ross Roxanne Ruby Rudy Russell Ruth Ryan Sabrina Sally Salvador Samantha Sammy Sandra Sara Sasha Saul Savannah Scarlett
Seth Shane Shannon Shawn Sheila Shelby Shelley Sherry Shirley Sidney Simon Sofia Sonia Sonya Sophie Spencer Stacey Stacy
Stanley Stella Stuart Sue Summer Susan Suzanne Sylvia Tamara Tammy Tanya Tara Taylor Ted Terrence Terri Theo Theodore Tiffany
Todd Tom Tommy Toni Tony Tracy Travis Trevor Troy Tyler Valerie Vanessa Vera Vernon Veronica Vicky Victor Vince Viola Violet
Vivian Wade Wallace Walter Wanda Warren Wendy Wesley Whitney Wilbur Will Willard Willie Wilma Winston Xavier Yvonne Zachary Zoe
Aleksandr Anastasia Andrei Anton Arkady Dmitri Ekaterina Elena Galina Irina Lyudmila Maxim Natalia Olga Pavel Svetlana Tatiana
Vladislav Yevgeny Zelensky Agata Bartosz Jakub Kasia Krzysztof Magdalena Marek Piotr Tomasz Zofia Jiri Petr Pavla Ivana Milan
Sven Lars Anders Nils Erik Ingrid Astrid Bjorn Magnus Henrik Mette Sanna Jens Ole Soren Frederik Helle Karin Birgit Monika
Stefan Jurgen Uwe Dirk Sabine Petra Heike Katrin Lena Jonas Lukas Leon Felix Maximilian Anja Bernd Rainer Frank Armin Friedrich
Ana Beatriz Camila Carolina Daniela Fernanda Gabriela Isabel Juliana Leticia Luciana Mariana Marta Paula Rosa Sofia Valentina
Alvaro Eduardo Emiliano Gonzalo Guillermo Ignacio Joaquin Julio Leonardo Lucas Martin Mateo Nicolas Oscar Ramon Rodrigo Salvador
Sebastian Tomas Vicente Xavier Amaury Benoit Camille Cedric Chloe Clement Damien Elodie Emilie Fabien Florent Gael Helene
Isabelle Julien Lucie Manon Mathieu Maxime Nathalie Pascal Romain Sandrine Serge Sylvie Valerie Vincent Virginie Aurelie
Alessandra Chiara Federica Francesca Giulia Ilaria Martina Valentina Andrea Antonio Davide Emanuele Fabio Federico Filippo
Gianluca Luca Massimo Nicola Pietro Riccardo Roberto Simone Stefano Vittorio Umberto Beppe Matteo Sergio
Aisha Amina Amir Aziz Bilal Farah Fatima Hamza Hana Hassan Jamal Karim Khaled Layla Leila Mariam Mona Mustafa Nadia Nasser
Omar Rami Rania Said Salim Samir Sami Tariq Yasmin Youssef Zainab Zayed Ziad Walid Wael Hani Faisal Majid Nabil
Aarav Abhishek Aditi Aditya Ajay Akshay Amitabh Anand Anjali Ankit Arjun Ashok Deepak Deepika Divya Gautam Geeta Harish Kavita
Krishna Lakshmi Manoj Meera Mohan Mukesh Nandini Neha Nikhil Nirmala Pooja Prakash Pranav Rajesh Rakesh Ramesh Ranjit Rohan
Sachin Sanjay Shashi Shiv Shreya Smriti Sonal Sunita Suresh Swati Uma Varun Vikram Vinod Yogesh Arvind Piyush Rajnath
Bo Chang Chen Feng Gang Hao Hong Hua Hui Jian Jie Jing Jun Lei Li Lin Ling Mei Min Ming Ning Ping Qing Shan Tao Wei Xiao Xin
Yan Yong Yu Yun Zhen Zhi Zhong Chun Lan Yue Bin Kai Peng Rui
Akihiko Daisuke Haruto Hayato Hideo Hiro Hiroko Hitoshi Ichiro Junko Kazuki Kazuko Keiichi Kenta Kenichi Kotaro Makoto Mami
Mariko Masaki Masako Masayoshi Michiko Minoru Miyuki Noriko Osamu Ryo Ryota Sachiko Shinji Shota Takashi Takumi Tadashi Tomoko
Toshiko Tsutomu Yasuo Yoshiko Yuji Yukiko Yuma Yusuke Hirokazu Katsuya Seiko Kenzo Akihito Naruhito Masako Toshimitsu Nobuo
Min-ho Ji-woo Seo-jun Ha-eun Ji-min Hyun-woo Sung-min Dong-hyun Eun-ji Soo-jin Jae-yong Kyung-hwa Sang-hoon Chang-ho
Duc Hai Hung Lan Linh Minh Ngoc Phuong Quang Thanh Thu Trang Tuan Van Anh Dewi Budi Putri Sri Agus Hadi Wati Siti Rizal
Kwame Kofi Ama Chinedu Ngozi Oluwaseun Tunde Femi Amara Chidi Emeka Adebayo Aliyu Ibrahim Musa Yaw Kwesi Thandiwe Sipho
Jabulani Zanele Tendai Wanjiru Wangari Kamau Otieno Achieng Fatou Moussa Amadou Aminata Mamadou Ousmane Abdou Awa
Kemal Ayse Fatma Emine Zeynep Elif Murat Hakan Burak Emre Cem Serkan Ozan Can Deniz Selin Ebru Tayyip Binali Kilicdaroglu
Reza Ali Hossein Mohsen Mahmoud Saeed Javad Mehdi Parisa Shirin Maryam Nasrin Farhad Kourosh Dariush Ebrahim Masoud Hamid
Avi David Eli Moshe Noa Tamar Yael Yossi Uri Itzhak Gideon Dov Ronit Orly Amos Ofer Gilad Benny Bibi
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

const words = (list: string): string[] =>
  list
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.replace(/_/g, ' '));

export const GIVEN_NAME_LIST: readonly string[] = words(GIVEN_NAMES);
export const TITLE_LIST: readonly string[] = words(TITLES);
export const HONORIFIC_LIST: readonly string[] = words(HONORIFICS);
export const ROLE_NOUN_LIST: readonly string[] = words(ROLE_NOUNS);
