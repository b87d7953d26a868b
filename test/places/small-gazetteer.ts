/** A hand-made gazetteer for unit tests: a few real GeoNames places with some of their names. */
import { Gazetteer, type PlaceRecord } from '../../src/stages/places/gazetteer.js';
import { lexiconFrom, type PlaceLexicon } from '../../src/stages/places/lexicon.js';
import { readFileSync } from 'node:fs';

const city = (geonamesId: number, name: string, lat: number, lon: number, country: string, admin1: string, population: number, featureCode: string, names: string[] = []): PlaceRecord => ({
  geonamesId, name, lat, lon, country, admin1, population, type: 'city', featureCode, names: [name, ...names],
});

/** Records of the small gazetteer. */
export const records: PlaceRecord[] = [
  city(713174, 'Bakhmut', 48.59441, 37.99983, 'UA', 'UA.05', 80500, 'PPLA2', ['Bachmut', 'Artemivsk', "Artemivs'k"]),
  city(709717, 'Donetsk', 48.023, 37.80224, 'UA', 'UA.05', 901645, 'PPLA'),
  city(703448, 'Kyiv', 50.45466, 30.5238, 'UA', 'UA.12', 2797553, 'PPLC', ['Kiev', 'Київ']),
  city(524901, 'Moscow', 55.75222, 37.61556, 'RU', 'RU.48', 10381222, 'PPLC', ['Moskva', 'Москва']),
  city(5601538, 'Moscow', 46.73239, -117.00017, 'US', 'US.ID', 25060, 'PPLA2'),
  city(480562, 'Tula', 54.19609, 37.61822, 'RU', 'RU.76', 501169, 'PPLA'),
  city(556951, 'Istra', 55.91576, 36.8576, 'RU', 'RU.47', 35106, 'PPLA2'),
  city(515012, 'Orël', 52.96508, 36.07849, 'RU', 'RU.56', 303696, 'PPLA', ['Orel', 'Oryol']),
  city(578072, 'Belgorod', 50.61074, 36.58015, 'RU', 'RU.09', 345289, 'PPLA'),
  city(4140963, 'Washington', 38.89511, -77.03637, 'US', 'US.DC', 689545, 'PPLC', ['Washington D.C.']),
  city(3050000, 'Police', 53.55214, 14.57182, 'PL', 'PL.84', 34350, 'PPL'),
  { geonamesId: 709716, name: 'Donetsk', lat: 48.0, lon: 37.8, country: 'UA', admin1: 'UA.05', population: 4000000, type: 'admin1', featureCode: 'ADM1', names: ['Donetsk'] },
  { geonamesId: 578071, name: 'Belgorod Oblast', lat: 50.64, lon: 37.27, country: 'RU', admin1: 'RU.09', population: 1000000, type: 'admin1', featureCode: 'ADM1', names: ['Belgorod Oblast'] },
  { geonamesId: 524925, name: 'Moscow Oblast', lat: 55.7, lon: 37.5, country: 'RU', admin1: 'RU.47', population: 7000000, type: 'admin1', featureCode: 'ADM1', names: ['Moscow Oblast'] },
  { geonamesId: 690791, name: 'Ukraine', lat: 49.16, lon: 31.25, country: 'UA', admin1: '', population: 45000000, type: 'country', featureCode: 'PCLI', names: ['Ukraine'] },
  { geonamesId: 2017370, name: 'Russia', lat: 61.7, lon: 99.7, country: 'RU', admin1: '', population: 140000000, type: 'country', featureCode: 'PCLI', names: ['Russia', 'Russian Federation'] },
];

/** The small gazetteer. */
export function smallGazetteer(): Gazetteer {
  return Gazetteer.build(records);
}

/** The project's real lexicon (data, not code, so tests use it as shipped). */
export function realLexicon(): PlaceLexicon {
  const read = (f: string) => JSON.parse(readFileSync(new URL(`../../src/stages/places/data/${f}`, import.meta.url), 'utf8'));
  return lexiconFrom(read('lexicon.json'), read('demonyms.json'));
}
