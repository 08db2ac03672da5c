// Gazetteer for organisations: name suffixes and head words, appositive nouns, well-known organisations and news agencies.

/** Last words that make a capitalised sequence an organisation ("Mitsubishi Heavy Industries", "Democratic Party"). */
const ORG_HEADS = `Inc Inc. Corp Corp. Corporation Co Co. Company Companies Ltd Ltd. Limited LLC LLP PLC Plc plc AG GmbH SA S.A. NV N.V.
BV B.V. SpA AB ASA Oyj KK Group Holdings Holding Industries Enterprises Partners Associates Ventures Capital Investments
Securities Bank Bancorp Financial Insurance Trust Fund Airlines Airline Airways Air Aviation Aerospace Motors Motor Automotive
Electronics Electric Energy Oil Petroleum Gas Chemicals Chemical Pharmaceuticals Pharma Technologies Technology Systems
Software Networks Communications Telecom Media Broadcasting Pictures Studios Records Entertainment Publishing Press
Times Post Journal Herald Tribune Gazette Chronicle Daily News Newsletter Magazine Television TV Radio Network Agency
Institute Institution Foundation Society Association Federation Union Council Committee Commission Board Authority Bureau
Office Department Ministry Administration Service Services Force Forces Army Navy Guard Police Corps Party Parliament
Congress Senate Assembly Cabinet Court Tribunal University College School Academy Hospital Clinic Church Club League Team
Museum
Organization Organisation Alliance Coalition Front Movement Conference Secretariat Reserve Exchange Research Labs Laboratories
Laboratory Consulting Foods Brands Stores Mart Retail Railways Railway Shipping Lines Logistics Steel Mining Construction
Records Sports FC International Aircraft Aeronautics Advisors Advisers Consultants Solutions Analytics Dynamics Robotics
Therapeutics Biosciences Biotech Semiconductors Materials Resources Properties Realty Hotels Resorts Outfitters Brewery
Breweries Distillery Bakery Dairies Farms Mills Shipyards Utilities Biologics Diagnostics Instruments Devices Microsystems
Branch Division Directorate Inspectorate Unit Registry Observatory`;

/** Lower-case nouns that introduce an organisation name as apposition ("business lobby, Keidanren", "airline Lufthansa"). */
const ORG_APPOSITION = `company firm corporation group lobby airline carrier maker manufacturer airframer automaker carmaker
chipmaker retailer broadcaster newspaper magazine daily agency bank lender insurer conglomerate giant rival subsidiary
unit division parent consortium startup start-up publisher network channel station studio label party union federation
association organisation organization institute council ministry regulator watchdog team club university school
outlet website operator supplier contractor developer distributor brand chain insurer fund investor`;

/** Well-known organisations: companies, institutions, news agencies (world knowledge, not tied to any corpus).
 *  "Short=Full" gives a short form its full name, so that both spellings are one entity. */
const KNOWN_ORGS = `
Apple|Microsoft|Google|Alphabet|Amazon|Meta|Facebook|Instagram|WhatsApp|Twitter|Netflix|Intel|AMD|Nvidia|Qualcomm|IBM|Oracle|Cisco|
Dell|HP|Hewlett-Packard|Lenovo|Samsung|LG|Sony|Panasonic|Toshiba|Hitachi|Fujitsu|NEC|Sharp|Nintendo|Huawei|Xiaomi|Alibaba|Tencent|
Baidu|ByteDance|TikTok|Uber|Lyft|Airbnb|Tesla|SpaceX|OpenAI|Adobe|Salesforce|SAP|Siemens|Philips|Nokia|Ericsson|Motorola|
BlackBerry|Yahoo|eBay|PayPal|Spotify|Xerox|Kodak|AT&T|Verizon|T-Mobile|Sprint|Comcast|Vodafone|Orange|Telefonica|
Airbus|Boeing|EADS|Embraer|Bombardier|Lockheed Martin|Lockheed|Northrop Grumman|Northrop|Raytheon|General Dynamics|BAE Systems|
Rolls-Royce|Pratt & Whitney|General Electric|Safran|Thales|Dassault|Finmeccanica|Leonardo|Mitsubishi|Kawasaki|
Toyota|Honda|Nissan|Mazda|Subaru|Suzuki|Hyundai|Kia|Volkswagen|BMW|Mercedes-Benz|Daimler|Audi|Porsche|Ford|General Motors|GM|
Chrysler|Fiat|Renault|Peugeot|Volvo|Stellantis|
Walmart|Wal-Mart=Walmart|Target|Costco|Best Buy|Tesco|Carrefour|IKEA|Starbucks|McDonald's|Coca-Cola|Pepsi|PepsiCo|Nestle|Unilever|
Procter & Gamble|Johnson & Johnson|Pfizer|Moderna|Novartis|Roche|Merck|AstraZeneca|GlaxoSmithKline|Bayer|Sanofi|
Exxon|ExxonMobil|Chevron|Shell|BP|Total|TotalEnergies|Gazprom|Rosneft|Aramco|Sinopec|PetroChina|
Goldman Sachs|Morgan Stanley|JPMorgan|JPMorgan Chase|Citigroup|Citibank|HSBC|Barclays|UBS|Credit Suisse|Deutsche Bank|BNP Paribas|
Nomura|SoftBank|Berkshire Hathaway|BlackRock|Visa|Mastercard|American Express|
Lufthansa|Ryanair|easyJet|Aeroflot|Emirates|Etihad|Qantas|Cathay Pacific|Aer Lingus|KLM|Iberia|Alitalia|Delta|JetBlue|
Southwest Airlines|American Airlines|United Airlines|British Airways|Air France|Singapore Airlines|Korean Air|Asiana|
All Nippon Airways|ANA=All Nippon Airways|Japan Airlines|JAL=Japan Airlines|Air China|China Eastern|China Southern|Air India|Air Canada|Qatar Airways|Garuda Indonesia|
Reuters|Associated Press|AP=Associated Press|AFP=Agence France-Presse|Agence France-Presse|Bloomberg|Xinhua|Kyodo|Yonhap|KCNA|TASS|Interfax|Anadolu|EFE|ANSA|DPA|PTI|
BBC|CNN|NHK|CBS|NBC|ABC|Fox News|MSNBC|Al Jazeera|Sky News|NPR|PBS|Deutsche Welle|
New York Times|Washington Post|Wall Street Journal|Financial Times|The Guardian|The Times|The Economist|Der Spiegel|Le Monde|
Nikkei|Asahi Shimbun|Yomiuri Shimbun|Mainichi|Korea Herald|Korea Times|JoongAng Ilbo|Chosun Ilbo|Hankyoreh|South China Morning Post|
Gallup|Pew Research Center|Ipsos|YouGov|Nielsen|
United Nations|UN=United Nations|U.N.=United Nations|NATO|World Trade Organization|WTO=World Trade Organization|World Health Organization|WHO=World Health Organization|International Monetary Fund|IMF=International Monetary Fund|World Bank|OECD|OPEC|ASEAN|APEC|G7=Group of Seven|G8=Group of Eight|G20=Group of Twenty|Group of Seven|Group of Eight|Group of Twenty|BRICS|
European Commission|European Parliament|European Central Bank|ECB=European Central Bank|Council of Europe|African Union|Arab League|Interpol|
Red Cross|Amnesty International|Human Rights Watch|Greenpeace|UNICEF|UNESCO|UNHCR|IAEA|Security Council|
Pentagon|White House|Kremlin|Congress|Senate|Supreme Court|FBI|CIA|NSA|NASA|FAA|FDA|SEC|EPA|GAO|Federal Reserve|
State Department|Justice Department|Department of Defense|Department of State|Homeland Security|
Keidanren|Quad|Hamas|Hezbollah|Taliban|Al-Qaeda|Al Qaeda|ISIS|Islamic State|Beatles|The Beatles|Rolling Stones|
Democratic Party|Republican Party|Labour Party|Conservative Party|Liberal Democratic Party|People's Power Party|
Communist Party|Tories|Labour|Democrats|Republicans|
Harvard|Yale|Stanford|MIT|Oxford University|Cambridge University|Sorbonne|
`;

const words = (list: string): string[] => list.split(/\s+/).filter(Boolean);

export const ORG_HEAD_LIST: readonly string[] = words(ORG_HEADS);
export const ORG_APPOSITION_LIST: readonly string[] = words(ORG_APPOSITION);
export const KNOWN_ORG_LIST: readonly string[] = KNOWN_ORGS.split('|')
  .map((s) => s.trim())
  .filter(Boolean);
