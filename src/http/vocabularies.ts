/**
 * The closed vocabularies the API filters on, so that a mistyped value is a 400 naming the allowed ones instead of
 * an empty list. Event types and sub-types are ACLED's codebook (6 types, 25 sub-event types).
 */

/** ACLED event types with their sub-event types. */
export const ACLED_TAXONOMY: Readonly<Record<string, readonly string[]>> = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': [
    'Chemical weapon', 'Air/drone strike', 'Suicide bomb', 'Shelling/artillery/missile attack', 'Remote explosive/landmine/IED', 'Grenade',
  ],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement', 'Arrests', 'Change to group/activity', 'Disrupted weapons use', 'Headquarters or base established',
    'Looting/property destruction', 'Non-violent transfer of territory', 'Other',
  ],
};

export const EVENT_TYPES: readonly string[] = Object.keys(ACLED_TAXONOMY);
export const EVENT_SUBTYPES: readonly string[] = Object.values(ACLED_TAXONOMY).flat();

/** Proposition kinds of the extraction contract. */
export const PROPOSITION_KINDS = ['control', 'advance', 'encirclement', 'losses'] as const;
