/**
 * What Uzbek Latin-to-Cyrillic conversion cannot work out letter by letter,
 * in one place: the loanwords Cyrillic Uzbek spells as Russian does, the
 * Uzbek acronyms, and the names written in Latin letters in either script.
 * The rules themselves (ts -> ц, -nsiya -> -нция, ...) are in translit.ts.
 */

/**
 * Loanwords whose Cyrillic spelling the rules cannot know, by their Latin stem
 * (lowercase): a soft sign (факультет, январь), a ц the Latin writes as s
 * (концерт), or a с the -nsiya rule would wrongly make ц (пенсия). A stem is
 * found with Uzbek endings after it (fakultetiga, yanvardan); a final ь is
 * dropped before an ending, as Cyrillic Uzbek writes it ("1 январдан",
 * "7 февралдаги", "Беларусда").
 */
export const LOANWORDS: Readonly<Record<string, string>> = {
  // The soft sign.
  fakultet: "факультет",
  albom: "альбом",
  film: "фильм",
  belarus: "беларусь",
  belgiya: "бельгия",
  polsha: "польша",
  yanvar: "январь",
  fevral: "февраль",
  aprel: "апрель",
  iyun: "июнь",
  iyul: "июль",
  sentabr: "сентябрь",
  sentyabr: "сентябрь",
  oktabr: "октябрь",
  oktyabr: "октябрь",
  noyabr: "ноябрь",
  dekabr: "декабрь",
  kompyuter: "компьютер",
  konsultatsiya: "консультация",
  apostil: "апостиль",
  portfel: "портфель",
  festival: "фестиваль",
  model: "модель",
  rubl: "рубль",
  vyetnam: "вьетнам",
  // The hard sign.
  obyekt: "объект",
  obyektiv: "объектив",
  subyekt: "субъект",
  // ц where the Latin has s, or ts after a consonant.
  konsert: "концерт",
  konsepsiya: "концепция",
  prinsip: "принцип",
  fransuz: "француз",
  funksional: "функционал",
  shveytsariya: "швейцария",
  gertsegovina: "герцеговина",
  // с where the -nsiya/-ksiya rule would put ц.
  pensiya: "пенсия",
  pensioner: "пенсионер",
  pansionat: "пансионат",
  ekspansiya: "экспансия",
  aksioma: "аксиома",
};

/** Uzbek acronyms, written in Cyrillic letters for Cyrillic readers (an acronym not listed here stays as written). */
export const UZBEK_ACRONYMS: Readonly<Record<string, string>> = {
  JDPU: "ЖДПУ", // Jizzax davlat pedagogika universiteti
  BDPU: "БДПУ", // Belarus davlat pedagogika universiteti
  TRKI: "ТРКИ", // rus tili sertifikati
  BMT: "БМТ", // Birlashgan Millatlar Tashkiloti
  BMTTD: "БМТТД", // BMT Taraqqiyot Dasturi
  OTM: "ОТМ", // oliy ta'lim muassasasi
  TTJ: "ТТЖ", // talabalar turar joyi
  DTM: "ДТМ", // Davlat test markazi
  OAK: "ОАК", // Oliy attestatsiya komissiyasi
  AQSH: "АҚШ",
};

/**
 * Names written in Latin letters in Cyrillic text too: programs, agencies,
 * exams, abbreviations read as such, and Telegram's "reply". Conversion leaves
 * them as written, and a Cyrillic text may hold no other Latin word.
 */
export const LATIN_NAMES: readonly string[] = [
  "Erasmus Mundus",
  "Erasmus",
  "British Council",
  "Indian Technical and Economic Cooperation",
  "KOICA",
  "ITEC",
  "UNDP",
  "IELTS",
  "TOEFL",
  "TOPIK",
  "HSK",
  "TORFL",
  "CEFR",
  "GPA",
  "CV",
  "PhD",
  "ID",
  "README",
  "reply",
];
