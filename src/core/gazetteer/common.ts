// Common English words that are capitalised only by position (sentence starts, headlines) and never names by themselves.

const COMMON = `a an the this that these those there here it its it's he she they we you i me him her them us our your their his
my mine who whom whose which what when where why how whether if then than so as at by for from in into of off on onto out over
under up down with within without about above across after against along among around before behind below beneath beside
besides between beyond but despite during except inside near since through throughout till to toward towards until upon via
and or nor yet also both either neither not no yes all any each every few many more most much other another some such only
own same just very too quite rather already still even ever never always often sometimes usually again once twice perhaps
maybe meanwhile however although though because while whereas unless instead thus hence therefore nevertheless nonetheless
moreover furthermore indeed later earlier today tonight tomorrow yesterday now currently recently finally first second third
last next new old former latest early late major minor top big small large high low long short good bad best worst great
one two three four five six seven eight nine ten eleven twelve hundred thousand million billion
is are was were be been being am do does did done has have had having will would shall should can could may might must
said says say told asked added according reported announced
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september
october november december jan feb mar apr jun jul aug sep sept oct nov dec spring summer autumn fall winter
mon tue tues wed thu thur thurs fri sat sun
according advertisement subscribe log sign share comment comments related read more video photo image credit source
click continue reading listen min gift article editor note update updated breaking exclusive analysis opinion
chapter page section part volume edition issue report story news press release statement
let lets please thank thanks welcome hello dear
north south east west northern southern eastern western central
`;

export const COMMON_WORDS: ReadonlySet<string> = new Set(COMMON.split(/\s+/).filter(Boolean));

/** Acronyms and all-caps words that are not entities ("CEO", "TV", "OK", "AM"). */
const CAPS_STOP = `CEO CFO COO CTO CIO I II III IV V VI VII VIII IX X XI XII OK AM PM TV GMT UTC EST PST EDT PDT CET BST JST KST
USD EUR GBP JPY KRW CNY RMB AD BC BCE CE ID PC PCS FAQ PDF HTML URL USB CPU GPU RAM GB MB KB TB GHZ MHZ HD LCD LED DVD CD MP3
AI IT HR PR QA Q&A ICBM ICBMS SLBM GDP CPI VAT IPO ETF NB PS RE FYI CC BCC DIY SUV EV EVS ATM PIN SIM SMS GPS VR AR
MRO SDK API APIS OS MD PHD MBA BS BA MA MSC RN DUI DWI CPR EMS VP SVP EVP HQ UPDATE BREAKING LIVE WATCH NEWS SKIP ADVERTISEMENT A AN THE AND OR OF IN ON AT TO FOR BY`;

export const CAPS_STOPWORDS: ReadonlySet<string> = new Set(CAPS_STOP.split(/\s+/).filter(Boolean));

/** Weekdays and months: dates, not names, even when a capitalised sequence holds them. */
export const CALENDAR_WORDS: ReadonlySet<string> = new Set(
  `Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September
October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Christmas Easter`.split(/\s+/),
);
