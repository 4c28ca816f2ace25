import { holdsNarrowWords, liftedRelevance, seventhCharacterReading } from '../../src/modules/search/seventh-character';
import { codePrior, queryIntent } from '../../src/modules/search/ranking';

describe('7th-character queries (src/modules/search/seventh-character.ts)', () => {
  it('splits the encounter and side words from the words the index is searched for', () => {
    expect(seventhCharacterReading(['right', 'hip', 'fracture', 'initial', 'encounter'])).toEqual({ core: ['hip', 'fracture'], narrow: ['right', 'initial', 'encounter'] });
    expect(seventhCharacterReading(['distal', 'radius', 'fracture', 'sequelae'])).toEqual({ core: ['distal', 'radius', 'fracture'], narrow: ['sequela'] });
    expect(seventhCharacterReading(['tibia', 'fracture', 'subsequent', 'encounter', 'routine', 'healing'])!.narrow).toEqual(['subsequent', 'encounter', 'routine', 'healing']);
  });

  it('leaves a query alone that names no 7th character, or nothing else', () => {
    expect(seventhCharacterReading(['right', 'hip', 'fracture'])).toBeNull();
    expect(seventhCharacterReading(['encounter', 'for', 'screening'])).toBeNull();
    expect(seventhCharacterReading(['initial', 'encounter'])).toBeNull();
  });

  it('keeps a code under a lifted one only when its title holds every narrowing word', () => {
    const narrow = ['right', 'initial', 'encounter'];
    expect(holdsNarrowWords('Fracture of unspecified part of neck of right femur, initial encounter for closed fracture', narrow)).toBe(true);
    expect(holdsNarrowWords('Fracture of unspecified part of neck of left femur, initial encounter for closed fracture', narrow)).toBe(false);
    expect(holdsNarrowWords('Fracture of unspecified part of neck of right femur, subsequent encounter for closed fracture with routine healing', narrow)).toBe(false);
  });

  it('scores a lifted code by its parent, a little more where its own title holds more of the query', () => {
    const words = ['sprain', 'right', 'ankle', 'initial', 'encounter'];
    const plain = liftedRelevance(0.9, 'Sprain of unspecified ligament of right ankle, initial encounter', words);
    const other = liftedRelevance(0.9, 'Sprain of calcaneofibular ligament of right ankle, initial encounter', words);
    expect(plain).toBeGreaterThan(other);
    expect(plain).toBeLessThanOrEqual(0.9);
    expect(other).toBeGreaterThanOrEqual(0.9 * 0.9);
  });

  it('puts a closed fracture above the same open one unless the query says open (guideline I.C.19.c.1)', () => {
    const closed = {
      system: 'ICD10CM',
      codeKey: 'S022XXA',
      title: 'Fracture of nasal bones, initial encounter for closed fracture',
      shortTitle: null,
      commonName: null,
      billable: true,
      level: 'code',
    };
    const open = { ...closed, codeKey: 'S022XXB', title: 'Fracture of nasal bones, initial encounter for open fracture' };
    const plain = queryIntent([{ words: ['nasal', 'bone', 'fracture'], synonym: null }]);
    expect(codePrior(closed, plain)).toBeGreaterThan(codePrior(open, plain));
    const asked = queryIntent([{ words: ['open', 'nasal', 'bone', 'fracture'], synonym: null }]);
    expect(codePrior(open, asked)).toBe(codePrior(closed, asked));
  });
});
