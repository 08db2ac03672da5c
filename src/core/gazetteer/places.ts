// Gazetteer of places as data: countries with their demonyms and capitals, US states, regions, major cities.

/** Country | demonyms (comma separated) | capital | other names of the country. */
const COUNTRY_ROWS = `
Afghanistan|Afghan|Kabul|
Albania|Albanian|Tirana|
Algeria|Algerian|Algiers|
Angola|Angolan|Luanda|
Argentina|Argentine,Argentinian|Buenos Aires|
Armenia|Armenian|Yerevan|
Australia|Australian|Canberra|
Austria|Austrian|Vienna|
Azerbaijan|Azerbaijani,Azeri|Baku|
Bahrain|Bahraini|Manama|
Bangladesh|Bangladeshi|Dhaka|
Belarus|Belarusian|Minsk|
Belgium|Belgian|Brussels|
Bolivia|Bolivian|La Paz|
Bosnia|Bosnian|Sarajevo|Bosnia and Herzegovina
Brazil|Brazilian|Brasilia|
Bulgaria|Bulgarian|Sofia|
Cambodia|Cambodian|Phnom Penh|
Cameroon|Cameroonian|Yaounde|
Canada|Canadian|Ottawa|
Chile|Chilean|Santiago|
China|Chinese|Beijing|People's Republic of China,PRC,Mainland China
Colombia|Colombian|Bogota|
Congo|Congolese|Kinshasa|Democratic Republic of Congo,DRC
Costa Rica|Costa Rican|San Jose|
Croatia|Croatian,Croat|Zagreb|
Cuba|Cuban|Havana|
Cyprus|Cypriot|Nicosia|
Czech Republic|Czech|Prague|Czechia
Denmark|Danish,Dane|Copenhagen|
Ecuador|Ecuadorian|Quito|
Egypt|Egyptian|Cairo|
Estonia|Estonian|Tallinn|
Ethiopia|Ethiopian|Addis Ababa|
Finland|Finnish,Finn|Helsinki|
France|French|Paris|
Georgia|Georgian|Tbilisi|
Germany|German|Berlin|
Ghana|Ghanaian|Accra|
Greece|Greek|Athens|
Guatemala|Guatemalan|Guatemala City|
Haiti|Haitian|Port-au-Prince|
Honduras|Honduran|Tegucigalpa|
Hungary|Hungarian|Budapest|
Iceland|Icelandic|Reykjavik|
India|Indian|New Delhi|
Indonesia|Indonesian|Jakarta|
Iran|Iranian|Tehran|
Iraq|Iraqi|Baghdad|
Ireland|Irish|Dublin|
Israel|Israeli|Jerusalem|
Italy|Italian|Rome|
Jamaica|Jamaican|Kingston|
Japan|Japanese|Tokyo|
Jordan|Jordanian|Amman|
Kazakhstan|Kazakh|Astana|
Kenya|Kenyan|Nairobi|
Kuwait|Kuwaiti|Kuwait City|
Kyrgyzstan|Kyrgyz|Bishkek|
Laos|Laotian,Lao|Vientiane|
Latvia|Latvian|Riga|
Lebanon|Lebanese|Beirut|
Libya|Libyan|Tripoli|
Lithuania|Lithuanian|Vilnius|
Luxembourg|Luxembourgish|Luxembourg|
Malaysia|Malaysian|Kuala Lumpur|
Mali|Malian|Bamako|
Malta|Maltese|Valletta|
Mexico|Mexican|Mexico City|
Moldova|Moldovan|Chisinau|
Mongolia|Mongolian|Ulaanbaatar|
Morocco|Moroccan|Rabat|
Mozambique|Mozambican|Maputo|
Myanmar|Burmese|Naypyidaw|Burma
Nepal|Nepali,Nepalese|Kathmandu|
Netherlands|Dutch|Amsterdam|Holland,The Netherlands
New Zealand|New Zealander|Wellington|
Nicaragua|Nicaraguan|Managua|
Niger|Nigerien|Niamey|
Nigeria|Nigerian|Abuja|
North Korea|North Korean|Pyongyang|DPRK
Norway|Norwegian|Oslo|
Oman|Omani|Muscat|
Pakistan|Pakistani|Islamabad|
Panama|Panamanian|Panama City|
Paraguay|Paraguayan|Asuncion|
Peru|Peruvian|Lima|
Philippines|Filipino,Philippine|Manila|
Poland|Polish,Pole|Warsaw|
Portugal|Portuguese|Lisbon|
Qatar|Qatari|Doha|
Romania|Romanian|Bucharest|
Russia|Russian|Moscow|Russian Federation
Rwanda|Rwandan|Kigali|
Saudi Arabia|Saudi,Saudi Arabian|Riyadh|
Senegal|Senegalese|Dakar|
Serbia|Serbian,Serb|Belgrade|
Singapore|Singaporean||
Slovakia|Slovak|Bratislava|
Slovenia|Slovenian,Slovene|Ljubljana|
Somalia|Somali|Mogadishu|
South Africa|South African|Pretoria|
South Korea|South Korean|Seoul|Republic of Korea,S. Korea,ROK
Spain|Spanish,Spaniard|Madrid|
Sri Lanka|Sri Lankan|Colombo|
Sudan|Sudanese|Khartoum|
Sweden|Swedish,Swede|Stockholm|
Switzerland|Swiss|Bern|
Syria|Syrian|Damascus|
Taiwan|Taiwanese|Taipei|
Tajikistan|Tajik|Dushanbe|
Tanzania|Tanzanian|Dodoma|
Thailand|Thai|Bangkok|
Tunisia|Tunisian|Tunis|
Turkey|Turkish,Turk|Ankara|Turkiye
Turkmenistan|Turkmen|Ashgabat|
Uganda|Ugandan|Kampala|
Ukraine|Ukrainian|Kyiv|
United Arab Emirates|Emirati|Abu Dhabi|UAE
United Kingdom|British,Briton|London|UK,U.K.,Britain,Great Britain
United States|American|Washington|US,U.S.,USA,U.S.A.,United States of America,America
Uruguay|Uruguayan|Montevideo|
Uzbekistan|Uzbek|Tashkent|
Venezuela|Venezuelan|Caracas|
Vietnam|Vietnamese|Hanoi|Viet Nam
Yemen|Yemeni|Sanaa|
Zambia|Zambian|Lusaka|
Zimbabwe|Zimbabwean|Harare|
England|English|London|
Scotland|Scottish,Scot|Edinburgh|
Wales|Welsh|Cardiff|
Korea|Korean||
Palestine|Palestinian|Ramallah|
Hong Kong|Hong Konger||
`;

/** Demonyms that do not belong to one country (regions, peoples). */
const OTHER_NATIONALITIES = `European Asian African Arab Latin Western Eastern Nordic Scandinavian Caribbean Kurdish Basque Catalan
Hispanic Asian-American African-American Pacific Middle-Eastern Soviet Slavic Jewish Muslim Christian Catholic Buddhist Hindu Sikh Shiite Sunni
Democrat Republican`;

const US_STATES = `Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Hawaii Idaho Illinois Indiana Iowa
Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada
New_Hampshire New_Jersey New_Mexico New_York North_Carolina North_Dakota Ohio Oklahoma Oregon Pennsylvania Rhode_Island
South_Carolina South_Dakota Tennessee Texas Utah Vermont Virginia Washington West_Virginia Wisconsin Wyoming`;

const REGIONS = `Africa Asia Europe Antarctica Oceania North_America South_America Latin_America Central_America Middle_East
Far_East Near_East Southeast_Asia South_Asia East_Asia Central_Asia Asia-Pacific Indo-Pacific Eurasia Scandinavia Balkans
Caribbean Mediterranean Pacific Atlantic Arctic Sahara Siberia Gulf Persian_Gulf Korean_Peninsula Crimea Donbas Gaza
West_Bank Kashmir Tibet Xinjiang Okinawa Hokkaido Kyushu Honshu Shikoku Taiwan_Strait Earth European_Union EU
Silicon_Valley Wall_Street Midwest New_England Bavaria Catalonia Flanders Quebec Ontario British_Columbia Alberta
Sicily Sardinia Corsica Normandy Brittany Provence Tuscany Lombardy Andalusia Galicia Siberia Patagonia Amazon Himalayas Alps
East_China_Sea South_China_Sea Sea_of_Japan Yellow_Sea Black_Sea Red_Sea Baltic Baltic_Sea Caspian_Sea North_Sea
Atlantic_Ocean Pacific_Ocean Indian_Ocean Arctic_Ocean Mekong Nile Danube Rhine Thames Yangtze Mississippi_River`;

/** Major world cities (capitals come from the country rows). */
const CITIES = `New_York New_York_City Los_Angeles Chicago Houston Phoenix Philadelphia San_Antonio San_Diego Dallas San_Jose Austin
San_Francisco Seattle Denver Boston Detroit Nashville Portland Las_Vegas Memphis Baltimore Milwaukee Atlanta Miami Orlando
Tampa Minneapolis Cleveland Pittsburgh Cincinnati St._Louis Kansas_City New_Orleans Honolulu Anchorage Sacramento Oakland
Long_Beach Cupertino Palo_Alto Mountain_View Redmond Everett Mobile Wichita Charleston Richmond Albany Buffalo Salt_Lake_City
Toronto Montreal Vancouver Calgary Manchester Birmingham Liverpool Leeds Glasgow Bristol Oxford Cambridge Belfast
Hamburg Munich Frankfurt Cologne Stuttgart Dusseldorf Leipzig Dresden Marseille Lyon Toulouse Nice Bordeaux Lille Strasbourg
Milan Naples Turin Venice Florence Genoa Bologna Barcelona Valencia Seville Bilbao Porto Rotterdam The_Hague Antwerp Geneva
Zurich Basel Lausanne Gothenburg Krakow Gdansk St._Petersburg Saint_Petersburg Novosibirsk Vladivostok Kharkiv Odesa Odessa
Istanbul Izmir Dubai Tel_Aviv Jeddah Mecca Medina Mumbai Bombay Delhi Bangalore Bengaluru Chennai Kolkata Calcutta Hyderabad
Karachi Lahore Shanghai Guangzhou Shenzhen Hong_Kong Wuhan Chengdu Chongqing Tianjin Nanjing Hangzhou Xiamen Macau Harbin
Osaka Kyoto Yokohama Nagoya Kobe Sapporo Fukuoka Hiroshima Nagasaki Sendai Fukushima Busan Incheon Daegu Gwangju
Ho_Chi_Minh_City Saigon Chiang_Mai Phuket Surabaya Bali Bandung Medan Cebu Davao Sydney Melbourne Brisbane Perth Adelaide
Auckland Christchurch Sao_Paulo Rio_de_Janeiro Rio Cordoba Medellin Guadalajara Monterrey Tijuana Cancun Lagos Johannesburg
Cape_Town Durban Casablanca Marrakesh Alexandria Mombasa Davos Hiroshima Singapore`;

export interface CountryEntry {
  name: string;
  demonyms: string[];
  capital: string | null;
  aliases: string[];
}

export const COUNTRIES: readonly CountryEntry[] = COUNTRY_ROWS.trim()
  .split('\n')
  .map((row) => {
    const [name, dem, capital, aliases] = row.split('|');
    return {
      name,
      demonyms: dem ? dem.split(',') : [],
      capital: capital || null,
      aliases: aliases ? aliases.split(',') : [],
    };
  });

const words = (list: string): string[] =>
  list
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.replace(/_/g, ' '));

export const US_STATE_NAMES: readonly string[] = words(US_STATES);
export const REGION_NAMES: readonly string[] = words(REGIONS);
export const CITY_NAMES: readonly string[] = words(CITIES);
export const OTHER_DEMONYMS: readonly string[] = words(OTHER_NATIONALITIES);
