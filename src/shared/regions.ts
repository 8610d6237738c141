/**
 * Region codes shared by the interest form and the receiver.
 * Pure data: no DOM, no Node. Country names come from `Intl.DisplayNames`;
 * the names of the German states are proper names and stay German.
 */

/**
 * All 249 officially assigned ISO 3166-1 alpha-2 codes, in alphabetical order.
 * Written grouped by first letter ("ADEF…" = AD AE AF …): a third of the bytes.
 */
export const COUNTRY_CODES: readonly string[] = 'ADEFGILMOQRSTUWXZ BABDEFGHIJLMNOQRSTVWYZ CACDFGHIKLMNORUVWXYZ DEJKMOZ ECEGHRST FIJKMOR GABDEFGHILMNPQRSTUWY HKMNRTU IDELMNOQRST JEMOP KEGHIMNPRWYZ LABCIKRSTUVY MACDEFGHKLMNOPQRSTUVWXYZ NACEFGILOPRUZ OM PAEFGHKLMNRSTWY QA REOSUW SABCDEGHIJKLMNORSTVXYZ TCDFGHJKLMNORTVWZ UAGMSYZ VACEGINU WFS YET ZAMW'
  .split(' ')
  .flatMap((group) => [...group.slice(1)].map((second) => group[0] + second));

/** The 16 German states (ISO 3166-2:DE) with their German names, in alphabetical order. */
export const DE_STATES: Readonly<Record<string, string>> = {
  'DE-BW': 'Baden-Württemberg',
  'DE-BY': 'Bayern',
  'DE-BE': 'Berlin',
  'DE-BB': 'Brandenburg',
  'DE-HB': 'Bremen',
  'DE-HH': 'Hamburg',
  'DE-HE': 'Hessen',
  'DE-MV': 'Mecklenburg-Vorpommern',
  'DE-NI': 'Niedersachsen',
  'DE-NW': 'Nordrhein-Westfalen',
  'DE-RP': 'Rheinland-Pfalz',
  'DE-SL': 'Saarland',
  'DE-SN': 'Sachsen',
  'DE-ST': 'Sachsen-Anhalt',
  'DE-SH': 'Schleswig-Holstein',
  'DE-TH': 'Thüringen',
};
