import type { Prng } from './prng.js';

// Invented names common in each market, so a demo inbox looks like a real one. Addresses use only
// the reserved example.com / example.cn domains: no demo mail can ever reach a real person.

/** A demo customer as an order carries it. */
export interface DemoPerson {
  name: string;
  email: string;
  language: string;
}

const GERMAN = {
  first: [
    'Lena',
    'Jonas',
    'Mia',
    'Lukas',
    'Anna',
    'Felix',
    'Sophie',
    'Paul',
    'Laura',
    'Maximilian',
    'Hannah',
    'Leon',
  ],
  last: [
    'Müller',
    'Schmidt',
    'Schneider',
    'Weber',
    'Meyer',
    'Wagner',
    'Becker',
    'Hoffmann',
    'Schulz',
    'Koch',
  ],
};
const AMERICAN = {
  first: ['Emily', 'James', 'Olivia', 'Michael', 'Ava', 'Daniel', 'Madison', 'Ethan', 'Chloe', 'Ryan'],
  last: ['Johnson', 'Smith', 'Williams', 'Brown', 'Miller', 'Davis', 'Wilson', 'Taylor', 'Anderson', 'Clark'],
};
const HISPANIC = {
  first: ['Sofía', 'Mateo', 'Valentina', 'Santiago', 'Camila', 'Diego', 'Lucía', 'Andrés'],
  last: ['García', 'Rodríguez', 'Martínez', 'López', 'Hernández', 'González', 'Pérez', 'Ramírez'],
};
const BRITISH = {
  first: ['Oliver', 'Amelia', 'George', 'Isla', 'Harry', 'Poppy', 'Jack', 'Freya', 'Charlie', 'Evie'],
  last: ['Jones', 'Taylor', 'Evans', 'Walker', 'Wright', 'Thompson', 'Roberts', 'Hughes', 'Edwards', 'Green'],
};
// [pinyin for the address, characters for the name]
const CHINESE = {
  family: [
    ['wang', '王'],
    ['li', '李'],
    ['zhang', '张'],
    ['liu', '刘'],
    ['chen', '陈'],
    ['yang', '杨'],
    ['zhao', '赵'],
    ['huang', '黄'],
  ],
  given: [
    ['fang', '芳'],
    ['wei', '伟'],
    ['jing', '静'],
    ['lei', '磊'],
    ['min', '敏'],
    ['yang', '洋'],
    ['xiuying', '秀英'],
    ['hao', '浩'],
    ['yuting', '雨婷'],
  ],
} as const;

/** Lower-case ASCII for an address: "Müller" → "mueller", "Sofía" → "sofia". */
function asciiLocalPart(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('ä', 'ae')
    .replaceAll('ö', 'oe')
    .replaceAll('ü', 'ue')
    .replaceAll('ß', 'ss')
    .normalize('NFD')
    .replace(/[^a-z]/g, '');
}

/**
 * A person for a store and customer language. `serial` makes the address unique within the demo,
 * so two invented people with the same name stay two customers.
 */
export function createDemoPerson(
  random: Prng,
  storeCode: string,
  language: string,
  domain: string,
  serial: number,
): DemoPerson {
  if (language === 'zh-CN') {
    const [familyLatin, familyName] = random.pick(CHINESE.family);
    const [givenLatin, givenName] = random.pick(CHINESE.given);
    return {
      name: familyName + givenName,
      email: `${givenLatin}.${familyLatin}${serial}@${domain}`,
      language,
    };
  }
  const names =
    storeCode === 'eu' ? GERMAN : storeCode === 'gb' ? BRITISH : language === 'es' ? HISPANIC : AMERICAN;
  const first = random.pick(names.first);
  const last = random.pick(names.last);
  return {
    name: `${first} ${last}`,
    email: `${asciiLocalPart(first)}.${asciiLocalPart(last)}${serial}@${domain}`,
    language,
  };
}
