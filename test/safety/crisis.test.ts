import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { combine } from '../../src/safety/combine.js';
import { assessSafety, normalizeForCrisis } from '../../src/safety/crisis.js';
import { neutralizeIdioms } from '../../src/safety/idioms.js';
import { findCues } from '../../src/safety/signals.js';
import type { AtRisk, SafetyTier } from '../../src/safety/types.js';
import { crisisSet, ordinaryQuestions, shownTier, tierRates, type TierRates } from './support.js';

const tier = (message: string): SafetyTier => assessSafety(message).tier;
/** The tier the cues alone give, without the second signal: what the frames and idioms decide. */
const cueTier = (message: string): SafetyTier =>
  combine(findCues(neutralizeIdioms(normalizeForCrisis(message)))).tier;

type Floor = Pick<TierRates, 'crisisAsCrisis' | 'crisisAsAny' | 'nearMissAsCrisis' | 'nearMissAsAny'>;

/** Crisis messages caught at least as often, near-misses flagged at most as often, as measured. */
function expectAtLeastMeasured(name: string, floor: Floor): void {
  const rates = tierRates(crisisSet(name));
  expect(rates.crisisAsCrisis).toBeGreaterThanOrEqual(floor.crisisAsCrisis);
  expect(rates.crisisAsAny).toBeGreaterThanOrEqual(floor.crisisAsAny);
  expect(rates.nearMissAsCrisis).toBeLessThanOrEqual(floor.nearMissAsCrisis);
  expect(rates.nearMissAsAny).toBeLessThanOrEqual(floor.nearMissAsAny);
}

describe('GIVEN the sets the check was tuned on', () => {
  it('WHEN the first crisis set is tiered THEN crisis messages get a tier and near-misses almost never do', () => {
    const rates = tierRates(crisisSet('crisis-set.json'));
    expect(rates.crisisAsAny).toBe(1);
    expect(rates.crisisAsCrisis).toBeGreaterThanOrEqual(0.97);
    expect(rates.nearMissAsCrisis).toBe(0);
    expect(rates.nearMissAsAny).toBeLessThanOrEqual(0.057);
  });

  it('WHEN the tuning set is tiered THEN it keeps the figures it was tuned to', () => {
    const rates = tierRates(crisisSet('crisis-tuning-set.json'));
    expect(rates.crisisAsCrisis).toBeGreaterThanOrEqual(0.95);
    expect(rates.crisisAsAny).toBeGreaterThanOrEqual(0.99);
    expect(rates.concernAsAny).toBeGreaterThanOrEqual(0.98);
    expect(rates.nearMissAsCrisis).toBeLessThanOrEqual(0.015);
    expect(rates.nearMissAsAny).toBeLessThanOrEqual(0.075);
  });

  // Sets 2, 3 and 14-17 were written after the cues were tuned and the cues never learnt from them: the
  // second signal learnt from them, and its thresholds were chosen by cross-validation on them. The cues
  // learnt from sets 1 and 4-6, then by class from sets 7-9 (crises), 11 and 13 (near-misses), 10-13
  // (crises) and 1 and 4-13 (crises inside questions about the therapist).
  it.each([
    [
      'crisis-tuning-set-2.json',
      { crisisAsCrisis: 0.755, crisisAsAny: 0.969, nearMissAsCrisis: 0.023, nearMissAsAny: 0.128 },
    ],
    [
      'crisis-tuning-set-3.json',
      { crisisAsCrisis: 0.656, crisisAsAny: 0.958, nearMissAsCrisis: 0.031, nearMissAsAny: 0.239 },
    ],
    [
      'crisis-tuning-set-4.json',
      { crisisAsCrisis: 0.925, crisisAsAny: 1, nearMissAsCrisis: 0.005, nearMissAsAny: 0.105 },
    ],
    [
      'crisis-tuning-set-5.json',
      { crisisAsCrisis: 0.75, crisisAsAny: 0.975, nearMissAsCrisis: 0, nearMissAsAny: 0.08 },
    ],
    [
      'crisis-tuning-set-6.json',
      { crisisAsCrisis: 0.705, crisisAsAny: 0.97, nearMissAsCrisis: 0.005, nearMissAsAny: 0.115 },
    ],
    [
      'crisis-tuning-set-7.json',
      { crisisAsCrisis: 0.935, crisisAsAny: 1, nearMissAsCrisis: 0.02, nearMissAsAny: 0.115 },
    ],
    [
      'crisis-tuning-set-8.json',
      { crisisAsCrisis: 0.89, crisisAsAny: 0.972, nearMissAsCrisis: 0.06, nearMissAsAny: 0.25 },
    ],
    [
      'crisis-tuning-set-9.json',
      { crisisAsCrisis: 0.936, crisisAsAny: 0.99, nearMissAsCrisis: 0.005, nearMissAsAny: 0.078 },
    ],
    [
      'crisis-tuning-set-10.json',
      { crisisAsCrisis: 0.772, crisisAsAny: 0.95, nearMissAsCrisis: 0.005, nearMissAsAny: 0.135 },
    ],
    [
      'crisis-tuning-set-11.json',
      { crisisAsCrisis: 0.836, crisisAsAny: 0.977, nearMissAsCrisis: 0.01, nearMissAsAny: 0.169 },
    ],
    [
      'crisis-tuning-set-12.json',
      { crisisAsCrisis: 0.84, crisisAsAny: 0.963, nearMissAsCrisis: 0, nearMissAsAny: 0.055 },
    ],
    [
      'crisis-tuning-set-13.json',
      { crisisAsCrisis: 0.795, crisisAsAny: 0.97, nearMissAsCrisis: 0.043, nearMissAsAny: 0.258 },
    ],
    [
      'crisis-tuning-set-14.json',
      { crisisAsCrisis: 0.69, crisisAsAny: 0.927, nearMissAsCrisis: 0.06, nearMissAsAny: 0.25 },
    ],
    [
      'crisis-tuning-set-15.json',
      { crisisAsCrisis: 0.8, crisisAsAny: 0.945, nearMissAsCrisis: 0.05, nearMissAsAny: 0.119 },
    ],
    [
      'crisis-tuning-set-16.json',
      { crisisAsCrisis: 0.631, crisisAsAny: 0.863, nearMissAsCrisis: 0.141, nearMissAsAny: 0.228 },
    ],
    [
      'crisis-tuning-set-17.json',
      { crisisAsCrisis: 0.65, crisisAsAny: 0.909, nearMissAsCrisis: 0.073, nearMissAsAny: 0.137 },
    ],
  ])('WHEN %s is tiered THEN it keeps its figures', expectAtLeastMeasured);
});

// Never tuned on: these bounds are what was measured after the last change of method, so that a change
// that makes them worse fails here. Raising them takes a change that was not tuned on these sets.
describe('GIVEN the held-out sets, written blind to the check', () => {
  it.each([
    [
      'crisis-holdout-set.json',
      { crisisAsCrisis: 0.867, crisisAsAny: 0.958, nearMissAsCrisis: 0.033, nearMissAsAny: 0.191 },
    ],
    [
      'crisis-holdout-set-2.json',
      { crisisAsCrisis: 0.8, crisisAsAny: 0.961, nearMissAsCrisis: 0.079, nearMissAsAny: 0.193 },
    ],
    [
      'crisis-holdout-set-3.json',
      { crisisAsCrisis: 0.785, crisisAsAny: 0.942, nearMissAsCrisis: 0.072, nearMissAsAny: 0.165 },
    ],
  ])('WHEN %s is tiered THEN it stays at or above what was measured', expectAtLeastMeasured);
});

describe('GIVEN ordinary questions members ask', () => {
  it('WHEN every question of every question set is answered THEN at most 1% gets any tier', () => {
    const questions = ordinaryQuestions();
    expect(questions.length).toBeGreaterThan(1000);
    const raised = questions.filter((question) => shownTier(question) !== 'none');
    expect(raised.length / questions.length).toBeLessThanOrEqual(0.01);
  });
});

interface Example {
  readonly message: string;
  readonly about?: AtRisk;
  readonly why: string;
}
const examples = parseYaml(
  readFileSync(new URL('../../src/safety/data/examples.yaml', import.meta.url), 'utf8'),
) as Record<SafetyTier, Example[]>;

describe('GIVEN the documented examples (src/safety/data/examples.yaml)', () => {
  it.each(examples.crisis)(
    'WHEN "$message" THEN it is a crisis about $about ($why)',
    ({ message, about }) => {
      expect(assessSafety(message)).toMatchObject({ tier: 'crisis', about });
    },
  );
  it.each(examples.concern)('WHEN "$message" THEN it is a concern ($why)', ({ message }) => {
    expect(tier(message)).toBe('concern');
  });
  it.each(examples.none)('WHEN "$message" THEN nothing is added ($why)', ({ message }) => {
    expect(tier(message)).toBe('none');
  });
});

describe('GIVEN who and when', () => {
  it('WHEN the same words are about the writer now, someone they know, people in general or the past THEN the tiers differ', () => {
    expect(assessSafety('i want to kill myself')).toMatchObject({ tier: 'crisis', about: 'self' });
    expect(assessSafety('my brother told me he wants to kill himself')).toMatchObject({
      tier: 'crisis',
      about: 'other',
    });
    expect(tier('why do people want to kill themselves?')).toBe('none');
    expect(tier('i wanted to kill myself when i was 15, therapy helped')).toBe('none');
    expect(tier('i wanted to kill myself when i was 15 and the thoughts are coming back again')).toBe(
      'crisis',
    );
  });

  it('WHEN a crisis sits inside a question about the therapist THEN it is still a crisis', () => {
    expect(tier('should i tell my therapist i have a plan?')).toBe('crisis');
    expect(tier('is it ok to ask my counselor how she is, i bought rope yesterday for myself')).toBe(
      'crisis',
    );
  });

  it('WHEN a denial or a joke comes with the words THEN danger becomes a concern', () => {
    expect(tier("i'm not suicidal, just tired")).toBe('concern');
    expect(tier('called my teacher mom in class kms lol')).toBe('concern');
    expect(tier('kms lol no but fr')).toBe('crisis');
  });

  it('WHEN one warning sign comes alone THEN it is a concern, and with a second one or a time THEN a crisis', () => {
    expect(tier('giving away all my stuff')).toBe('concern');
    expect(tier('giving away all my stuff. tonight is the night')).toBe('crisis');
    expect(tier('giving away all my stuff and i wrote letters to everyone')).toBe('crisis');
  });

  it('WHEN a clinician, moderator or peer supporter quotes the people they help THEN it is not a crisis, but a plan of their own still gets a tier', () => {
    expect(
      tier(
        "i'm a nurse on a cardiac ward and patients keep telling me 'when i'm gone, sell the car'. how do you answer?",
      ),
    ).not.toBe('crisis');
    expect(
      tier("mod here. someone keeps posting 'i want to die lol' under every meme, how do we respond?"),
    ).not.toBe('crisis');
    expect(
      tier("mod question: a member wrote 'i want to die' under the art thread, should we dm or warn?"),
    ).not.toBe('crisis');
    expect(tier("i'm a peer supporter and i want to kill myself tonight")).not.toBe('none');
    expect(tier('my friend in the group i moderate said she is going to kill herself tonight')).toBe(
      'crisis',
    );
  });

  it('WHEN a will, a rehoming or a past attempt has an ordinary reason or is long over THEN it is not a crisis', () => {
    expect(tier('updated my will because the new baby arrived, also picked guardians')).not.toBe('crisis');
    expect(tier('rehoming our rabbit, my daughter turned out to be allergic')).toBe('none');
    expect(tier('wrote letters to my kids before my operation just in case, all went well')).not.toBe(
      'crisis',
    );
    expect(tier('how do i tell my counsellor i want to end things, as in stop our sessions')).toBe('none');
    expect(tier('i tried to end my life once at 16. ten years on i have a job i love')).toBe('none');
    expect(tier('two years without a single thought of ending it, told my therapist today')).toBe('none');
    expect(tier('my cousin overdosed last year and is doing great now, just started uni')).not.toBe('crisis');
    expect(tier('we rehomed our cat when we moved to the city, she lives with my aunt now')).toBe('none');
  });

  it('WHEN chat slang says the same as plain words THEN it weighs the same, and the ordinary use stays calm', () => {
    expect(tier('wish i could just log off permanently')).toBe('crisis');
    expect(tier('logging off for good. been real')).toBe('crisis');
    expect(tier('logging off for the night, gn all')).toBe('none');
    expect(tier('swallowed like 15 of my tablets')).toBe('crisis');
    expect(tier('my friend is sh-ing right now and wont answer')).toBe('crisis');
    expect(tier('sorry in advance for the long post, i have a question about my therapist')).toBe('none');
  });
});

// Classes learnt from tuning sets 7–9: crises said without the usual words. Each pair: a crisis written
// here in new words, and an ordinary twin with the same key words that must stay calm.
describe('GIVEN a crisis said without the usual words', () => {
  it('WHEN an overdose has been taken, by the writer or someone else THEN it is a crisis, and ordinary pill talk is not', () => {
    expect(tier('swallowed the lot about twenty minutes ago, room is spinning')).toBe('crisis');
    expect(tier('took my whole months codeine with vodka')).toBe('crisis');
    expect(tier('my uncle has taken something and wont wake properly, hes mumbling')).toBe('crisis');
    expect(tier('took my meds this morning like a good girl, proud of me')).toBe('none');
    expect(tier('had two packets of crisps for lunch, no regrets')).toBe('none');
  });

  it('WHEN self-harm is happening now or is back THEN it is a crisis, and an injury or another streak is not', () => {
    expect(tier('the razor is out again, i promised myself i would not')).toBe('crisis');
    expect(tier('my cousin is cutting in her room right now and wont open the door')).toBe('crisis');
    expect(tier('been punching the garage wall over and over, knuckles wont stop bleeding')).toBe('crisis');
    expect(tier('cut my finger chopping onions, so much for cooking')).toBe('none');
    expect(tier('broke my 3 year wordle streak tonight, gutted')).not.toBe('crisis');
  });

  it('WHEN someone is at a dangerous place with a sign of peril THEN it is a crisis, and a view or a commute is not', () => {
    expect(tier('sitting on the railing of the footbridge. the trains are going under me')).toBe('crisis');
    expect(assessSafety('my daughter is on the roof of the school and wont come down')).toMatchObject({
      tier: 'crisis',
      about: 'other',
    });
    expect(tier('on the roof with my brother fixing the aerial, nice view though')).toBe('none');
    // Not a crisis; the second signal alone may add the calm line (trains and "again" are in crisis messages).
    expect(tier('standing on the platform, train is late again, typical')).not.toBe('crisis');
  });

  it('WHEN means are kept back or bought in bulk THEN it is a crisis, and shopping for a plan of another kind is not', () => {
    expect(tier('been putting aside a few of my sleeping tablets every night, nearly enough')).toBe('crisis');
    expect(tier('bought tablets from four different pharmacies today')).toBe('crisis');
    expect(tier('bought what i need for the bake sale, its all in the car')).not.toBe('crisis');
  });

  it('WHEN a day is chosen or the others will be out THEN it is a crisis, and a date for an event is not', () => {
    expect(tier('i have picked the day. friday. everyone will be at work')).toBe('crisis');
    expect(tier('nobody will check on me this weekend, so thats when')).toBe('crisis');
    expect(tier('picked the date for our housewarming, friday the 12th')).not.toBe('crisis');
  });

  it('WHEN preparations come with a cover story or a note THEN it is a crisis, and a note to the school is not', () => {
    expect(tier('told my flatmate i was moving out. i am not moving out')).toBe('crisis');
    expect(tier('gave my brother all the bank logins. he thinks its just in case')).toBe('crisis');
    expect(tier('wrote the letter tonight. it explains everything')).toBe('crisis');
    expect(tier('finished my note to the school about the trip')).toBe('none');
  });

  it('WHEN a goodbye has two signs, or one with a sign-off THEN it is a crisis, and a goodbye with a reason is not', () => {
    expect(tier('thanks for everything you lot. look after one another')).toBe('crisis');
    expect(tier('love you all. bye x')).toBe('crisis');
    expect(tier('bye all, off on holiday for two weeks, love you all')).toBe('none');
  });

  it('WHEN a passive wish or slang for suicide is used THEN it is a crisis, and tiredness or the gym is not', () => {
    expect(tier('wouldnt mind being gone honestly')).toBe('crisis');
    expect(tier('dying in my sleep would be a mercy at this point')).toBe('crisis');
    expect(tier('been thinking about topping myself again')).toBe('crisis');
    expect(tier('keep thinking about doing myself in')).toBe('crisis');
    expect(tier('i could sleep forever this weekend, so tired')).not.toBe('crisis');
    expect(tier('did myself in at the gym, legs are jelly')).toBe('none');
  });

  it('WHEN a crisis is buried in a question about the therapist, or someone else is hurt now THEN it is a crisis', () => {
    expect(
      tier("quick question about my therapist's holidays. also not planning on being around by then"),
    ).toBe('crisis');
    expect(assessSafety("the kid upstairs' dad is beating him right now, i can hear it")).toMatchObject({
      tier: 'crisis',
      about: 'other',
    });
  });
});

// Classes learnt from the near-misses of tuning sets 11 and 13 (twins of crises that differ by who, when, why or
// tone). Each pair, in new words: a near-miss the cues alone must not put in the crisis tier, next to a crisis twin
// with the same key words that must stay a crisis.
describe('GIVEN a near-miss that shares a crisis its words', () => {
  it('WHEN the self-harm or the overdose was long ago (an age span, a decade, "used to… now") THEN the cues keep it out of the crisis tier, and the same words now stay a crisis', () => {
    expect(cueTier('i burned myself from 14 to 16, the marks are barely visible now')).not.toBe('crisis');
    expect(cueTier('my uncle overdosed in the 90s and nobody talks about it')).not.toBe('crisis');
    expect(cueTier('grandad died by suicide in the 70s')).not.toBe('crisis');
    expect(
      cueTier('used to think about ending it every night in sixth form. now i mostly think about football'),
    ).not.toBe('crisis');
    expect(tier('i have been burning myself again since friday')).toBe('crisis');
    expect(tier('my uncle overdosed an hour ago and is not waking up')).toBe('crisis');
    expect(tier('i used to think about ending it now and then, lately it is all the time')).toBe('crisis');
  });

  it('WHEN the topic is asked about in general, studied or named by a book THEN the cues keep it out of the crisis tier, and a crisis beside the same words stays one', () => {
    expect(cueTier('is suicide ever genetic, or is that a myth?')).not.toBe('crisis');
    expect(cueTier('is self harm always a cry for help?')).not.toBe('crisis');
    expect(cueTier("my dissertation's on self harm in prisons, anyone got sources?")).not.toBe('crisis');
    expect(cueTier('just finished the virgin suicides and i cannot stop thinking about the ending')).not.toBe(
      'crisis',
    );
    expect(tier('is suicide the only way out for me now?')).toBe('crisis');
    expect(tier("i can't finish my dissertation, i have been self harming every night")).toBe('crisis');
    expect(
      tier('my sister read all the bright places and now she says she is going to kill herself tonight'),
    ).toBe('crisis');
  });

  it('WHEN a parent asks ahead of time or a training scenario quotes a member THEN the cues keep it out of the crisis tier, and the real thing stays a crisis', () => {
    expect(cueTier('if my son ever said he was cutting, how should i react?')).not.toBe('crisis');
    expect(
      cueTier("training scenario: a member posts 'i will not be around after sunday'. what do we reply?"),
    ).not.toBe('crisis');
    expect(tier('my son just told me he is cutting himself every night')).toBe('crisis');
    expect(tier('i am saying my goodbyes tonight. thank you for everything')).toBe('crisis');
  });

  it('WHEN it is hyperbole (a sibling "killed" over a spoiler, a week one is "done with", jumping ship) THEN the cues keep it out of the crisis tier, and the plain words stay a crisis', () => {
    expect(cueTier('i am going to kill my sister, she spoiled the finale')).not.toBe('crisis');
    expect(cueTier('i am so done with this week')).not.toBe('crisis');
    expect(cueTier('my clan mate said he is going to jump ship tonight')).not.toBe('crisis');
    expect(cueTier('tired of living in this humidity')).not.toBe('crisis');
    expect(tier('my flatmate said she is going to murder me, she has a knife')).toBe('crisis');
    expect(tier("i'm so done with this week. i want it all to end")).toBe('crisis');
    expect(tier('my friend says he is going to jump tonight')).toBe('crisis');
    expect(tier('tired of living, i want it to be over')).toBe('crisis');
  });

  it('WHEN a bridge, a roof, a bottle or a last message has an ordinary reason THEN the cues keep it out of the crisis tier, and a sign of peril stays a crisis', () => {
    expect(cueTier('stuck on the bridge right now, roadworks again')).not.toBe('crisis');
    expect(cueTier('my dad is on the roof clearing the gutters again')).not.toBe('crisis');
    expect(cueTier('drove to the bridge again tonight to watch the fireworks')).not.toBe('crisis');
    expect(cueTier('downed the whole bottle of sriracha for a bet')).not.toBe('crisis');
    expect(cueTier('this is my last message tonight, heading to bed')).not.toBe('crisis');
    expect(cueTier('hope i do not wake up before 11, first lie in in months')).not.toBe('crisis');
    expect(cueTier('sorry in advance to everyone for the spam tonight, live tweeting the match')).not.toBe(
      'crisis',
    );
    expect(tier('on the bridge right now looking down at the water')).toBe('crisis');
    expect(tier('my dad is on the roof and will not come down')).toBe('crisis');
    expect(tier('downed the whole bottle of my sleeping pills')).toBe('crisis');
    expect(tier('this is my last message. i love you all')).toBe('crisis');
    expect(tier('hope i do not wake up tomorrow')).toBe('crisis');
  });

  it('WHEN a note, a plan or calm has an ordinary content, or the topic is the theme of a work THEN the cues keep it out of the crisis tier, and the same words with a sign stay a crisis', () => {
    expect(
      cueTier('my daughter left a note on the fridge saying sorry for eating the last yoghurt'),
    ).not.toBe('crisis');
    expect(cueTier('i have a plan: clean the flat, then takeaway, then bed')).not.toBe('crisis');
    expect(cueTier('back from a swim in the lake, so calm')).not.toBe('crisis');
    expect(cueTier('my tutor read the draft as a suicide story and wants a meeting')).not.toBe('crisis');
    expect(tier('my daughter left a note saying sorry. she is not answering')).toBe('crisis');
    expect(tier('i have a plan. tonight')).toBe('crisis');
    expect(tier('i want to write my suicide note tonight')).toBe('crisis');
  });

  it('WHEN someone else was hurt by accident THEN the cues keep it out of the crisis tier, and self-harm again stays a crisis', () => {
    expect(cueTier('my brother cut himself quite badly peeling potatoes')).not.toBe('crisis');
    expect(tier('my brother cut himself again last night and there is blood everywhere')).toBe('crisis');
  });
});

// Classes learnt from the crises of tuning sets 10–13 that the cues alone left short of the crisis tier. Each pair,
// in new words: a crisis the cues alone must put in the crisis tier, and a twin with the same key words that must not.
describe('GIVEN a crisis the cues alone missed in sets 10–13', () => {
  it('WHEN an overdose taken is told by how much (too many, a handful, a whole week, every one, pills with a bottle) THEN the cues alone make it a crisis, and sorting or counting pills is not', () => {
    expect(cueTier('took way too many of my sleeping tablets about twenty minutes ago')).toBe('crisis');
    expect(cueTier("swallowed a handful of my dad's painkillers, everything is blurry")).toBe('crisis');
    expect(cueTier('swallowed my tablets. every single one.')).toBe('crisis');
    expect(cueTier('mixed my meds with half a bottle of vodka')).toBe('crisis');
    expect(cueTier('took way too many photos at the beach')).toBe('none');
    expect(cueTier("had a lot of pills to sort for grandma's dosette box")).not.toBe('crisis');
    expect(cueTier('took my whole week of tablets out to fill the dosette box')).not.toBe('crisis');
  });

  it('WHEN someone else has taken pills or everything in a drawer THEN the cues alone make it a crisis, and a hypothetical or a clear-out is not', () => {
    expect(cueTier('my flatmate says she has taken pills and she is slurring')).toBe('crisis');
    expect(cueTier('my cousin took everything in her drawer and will not wake up properly')).toBe('crisis');
    expect(cueTier('imagine a member says they took pills, what is our protocol')).not.toBe('crisis');
    expect(cueTier('my kid took everything in her drawer to the car boot sale')).not.toBe('crisis');
  });

  it('WHEN self-harm is happening now (cut this morning, burned with a lighter, the blades out, new cuts on a body) THEN the cues alone make it a crisis, and a burn from a curling iron or budget cuts are not', () => {
    expect(cueTier('i cut this morning before school')).toBe('crisis');
    expect(cueTier('burned my wrist with a lighter again')).toBe('crisis');
    expect(cueTier('the blades came back out tonight')).toBe('crisis');
    expect(cueTier("found new cuts on my daughter's arms")).toBe('crisis');
    expect(cueTier('burned my arm with the curling iron, ouch')).toBe('none');
    expect(cueTier('the council announced new cuts again')).toBe('none');
    expect(cueTier('the urge won. ordered the pizza')).toBe('none');
  });

  it('WHEN "permanently" or "for good" stands alone after stopping, resting or sleeping, or a word is doubled to mean it THEN the cues alone make it a crisis, and a move or quitting a habit is not', () => {
    expect(cueTier('i just want to sleep. permanently.')).toBe('crisis');
    expect(cueTier("i'm going to switch off. for good.")).toBe('crisis');
    expect(cueTier('not like run away. like gone gone')).toBe('crisis');
    expect(cueTier('moving to canada. permanently.')).toBe('none');
    expect(cueTier('i need to quit vaping. for good this time')).toBe('none');
  });

  it('WHEN the crisis is inside a question about the therapist ("just show her", "how do i tell my therapist i took…") THEN the cues alone make it a crisis, and the same question about a journal or days off is not', () => {
    expect(
      cueTier('i burned myself tonight. do i just show her at my session or ask how her week was first'),
    ).toBe('crisis');
    expect(cueTier('how do i tell my therapist i took too many pills last night')).toBe('crisis');
    expect(cueTier('my therapist wants me to show her my journal, is that normal')).toBe('none');
    expect(cueTier('how do i tell my therapist i took too many days off work')).toBe('none');
  });
});

describe('GIVEN a goodbye, a passive wish or a plan the cues alone missed in sets 10–13', () => {
  it('WHEN the writer will not be here at a time to come THEN the cues alone make it a crisis, and the same words with a trip or a move are not', () => {
    expect(cueTier("i won't be here by christmas, so don't bother with a present")).toBe('crisis');
    expect(cueTier("not sure i'll still be alive when she gets back from leave")).toBe('crisis');
    expect(
      cueTier("my therapist is off on maternity leave next month and i won't be here when she's back"),
    ).toBe('crisis');
    expect(cueTier("i won't be here by christmas, we're flying to my aunt's for the holidays")).not.toBe(
      'crisis',
    );
    expect(
      cueTier(
        "my therapist is off on maternity leave and i won't be here when she's back, i'm moving to leeds",
      ),
    ).not.toBe('crisis');
  });

  it('WHEN a post says it is the last thing posted or logs off for the last time THEN the cues alone make it a crisis, and a break for exams or the night is not', () => {
    expect(cueTier('this will be the last thing i post here. take care of each other')).toBe('crisis');
    expect(cueTier('logging off for the last time. it has been real')).toBe('crisis');
    expect(cueTier('this will be the last thing i post before my exams, see you in june')).not.toBe('crisis');
    expect(cueTier('logging off for the last time today, night all')).toBe('none');
  });

  it("WHEN someone else's goodbye in their words is followed by silence THEN the cues alone make it a crisis, and the same words with an ordinary reason are not", () => {
    expect(cueTier("my brother texted 'tell my mum i'm sorry' and now his phone goes to voicemail")).toBe(
      'crisis',
    );
    expect(cueTier("my cousin sent 'you'll never have to deal with me again' and her phone is off")).toBe(
      'crisis',
    );
    expect(cueTier("my little brother gave away all his games and said he won't need them")).toBe('crisis');
    expect(cueTier("my brother texted 'tell my mum i'm sorry i'm late for dinner'")).not.toBe('crisis');
    expect(
      cueTier(
        "my cousin joked 'you'll never have to deal with me again' when she moved out, she lives two streets away",
      ),
    ).not.toBe('crisis');
    expect(cueTier("my brother gave away all his games because he's off to uni")).not.toBe('crisis');
  });

  it('WHEN a passive wish is said in other words (not waking up would be fine, begging god to take me, relief to disappear, the big sleep, hoping a biopsy is bad) THEN the cues alone make it a crisis, and the everyday twins are not', () => {
    expect(cueTier("if i just didnt wake up one day i think that'd be fine")).toBe('crisis');
    expect(cueTier('every night i beg god to take me')).toBe('crisis');
    expect(cueTier('it would be such a relief to just disappear')).toBe('crisis');
    expect(cueTier('honestly ready for the big sleep')).toBe('crisis');
    expect(cueTier('hoping the biopsy comes back bad')).toBe('crisis');
    expect(cueTier("if i don't wake up by 7 i'll miss the bus and that won't be fine")).not.toBe('crisis');
    expect(cueTier('every night i beg my dog to let me sleep in')).toBe('none');
    expect(cueTier('it would be such a relief to just disappear for a weekend in the hills')).toBe('none');
    expect(cueTier('ready for a big sleep after this shift')).toBe('none');
    expect(cueTier('hoping the biopsy comes back clear')).toBe('none');
  });

  it('WHEN an ordinary reason is a cover story or denied THEN it no longer calms the goodbye, and a real move still does', () => {
    expect(cueTier("gave away my guitar and my books. told people i'm moving. i'm not moving")).toBe(
      'crisis',
    );
    expect(cueTier("gave away my guitar and my books because i'm moving to leeds next month")).not.toBe(
      'crisis',
    );
  });

  it('WHEN a deadline, a plan worked out or "my turn to stop" is said without the word THEN the cues alone make it a crisis, and a deadline for a decision or a party plan is not', () => {
    expect(cueTier("i've given it until christmas. if nothing changes i'm out")).toBe('crisis');
    expect(cueTier("planned it all. don't try to talk me out of it")).toBe('crisis');
    expect(cueTier("after the funeral it's my turn to stop")).toBe('crisis');
    expect(cueTier("i've given it until christmas to decide on the job offer")).toBe('none');
    expect(
      cueTier(
        "planned it all: the cake, the balloons, the playlist. don't try to talk me out of the bouncy castle",
      ),
    ).not.toBe('crisis');
  });

  it('WHEN a thought is "more real than it used to" be THEN it is now, not the past, and "i used to" with therapy stays calm', () => {
    expect(cueTier('i keep thinking about ending my life and it scares me more than it used to')).toBe(
      'crisis',
    );
    expect(cueTier('i used to think about ending my life, therapy helped')).toBe('none');
  });
});

describe('GIVEN means kept back, a high place or a preparation for "after" the cues alone missed in sets 10–13', () => {
  it('WHEN medicine is kept back or stopped to save it, or the writer cannot keep safe THEN the cues alone make it a crisis, and packing pills for a trip or stopping them for side effects is not', () => {
    expect(cueTier("i've been keeping my sleeping pills back instead of taking them")).toBe('crisis');
    expect(cueTier('stopped taking my tablets so i can save them for later')).toBe('crisis');
    expect(cueTier("i honestly can't keep myself safe right now")).toBe('crisis');
    expect(cueTier("keeping my pills back for the trip so i don't forget them")).toBe('none');
    expect(cueTier('stopped taking my tablets so i can see if the side effects stop')).toBe('none');
    expect(cueTier("i can't keep my plants alive")).toBe('none');
  });

  it('WHEN a foot is over a railing or the writer stares at a ledge high up THEN the cues alone make it a crisis, and a foot on a railing to tie a shoe is not', () => {
    expect(cueTier('one foot over the railing of the car park roof')).toBe('crisis');
    expect(cueTier("i stared at the ledge for an hour. i'm on the 12th floor")).toBe('crisis');
    expect(cueTier('leaned one foot on the railing to tie my shoe')).toBe('none');
  });

  it('WHEN someone "will understand later" and the writer means "after" THEN the cues alone make it a crisis, and keys left for whoever needs them are not', () => {
    expect(cueTier("she'll understand later. i meant after")).toBe('crisis');
    expect(cueTier('the keys are in the drawer for whoever needs them')).not.toBe('crisis');
  });
});

describe('GIVEN a crisis told inside an ordinary question about the therapist (sets 4–13)', () => {
  it('WHEN the last session is said to be the last with anyone, the last ever or the last everything THEN the cues alone make it a crisis, and an ordinary last session stays calm', () => {
    expect(cueTier('thursday is my final session with him, and my final one with anybody really')).toBe(
      'crisis',
    );
    expect(cueTier("it's our final appointment on friday. final one ever, not just with her")).toBe('crisis');
    expect(
      cueTier("can i give my therapist a card at our last session? it's kind of my last everything"),
    ).toBe('crisis');
    expect(tier('thursday is my final session with him before he retires, it went well')).toBe('none');
    expect(tier('my last session before she retires is on friday, should i bring a card')).toBe('none');
    expect(tier("last session today, we're ending therapy, it went well")).toBe('none');
    expect(
      tier(
        "it's our final appointment on friday, the final one with her, not just for me but for the whole group",
      ),
    ).toBe('none');
  });

  it("WHEN a client's death is asked about and then said to be about the writer's own therapist THEN the cues alone make it a crisis, and the same question from a trainee is not", () => {
    expect(
      cueTier('do counsellors get told when a client dies? asking because i want mine to hear it gently'),
    ).toBe('crisis');
    expect(cueTier("i hope she'll be okay once she hears about me")).toBe('crisis');
    expect(tier("do counsellors get told when a client dies? asking because i'm training to be one")).toBe(
      'none',
    );
    expect(
      tier('do therapists find out when a client dies? my supervisor says they usually hear from the family'),
    ).toBe('none');
    expect(tier("i hope she'll be okay once she hears about me moving abroad")).toBe('none');
  });

  it('WHEN the writer will miss every session to come or be gone before the next THEN the cues alone make it a crisis, and the same absence with a move or a holiday is not', () => {
    expect(cueTier("i'm not going to be at tuesday's appointment. or any after that")).toBe('crisis');
    expect(cueTier("i won't be seeing him after monday. or anybody else")).toBe('crisis');
    expect(cueTier("i'll be gone before our next appointment, so should i still pay the deposit")).toBe(
      'crisis',
    );
    expect(cueTier('is it okay to email my counsellor a thank you tonight while i still can')).toBe('crisis');
    expect(tier("i won't be at tuesday's session, or the one after that, i'm away")).not.toBe('crisis');
    expect(
      tier(
        "i'll be gone before our next appointment, i'm moving to leeds, so should i still pay the deposit",
      ),
    ).not.toBe('crisis');
    expect(
      tier('is it okay to email my counsellor a thank you while i still can, she retires next month'),
    ).toBe('none');
  });

  it('WHEN the goodbye to the therapist is said outright (really a goodbye card, the last one "for me", gone "on purpose", not wanting her to stop me) THEN the cues alone make it a crisis, and a thank-you card or a break is not', () => {
    expect(cueTier("can i post my counsellor a thank you card when it's actually a goodbye card")).toBe(
      'crisis',
    );
    expect(cueTier("he thinks it's just a pause but it's the final one for me")).toBe('crisis');
    expect(cueTier("if i go quiet it's on purpose, don't come looking")).toBe('crisis');
    expect(cueTier("i don't want my counsellor to stop me this time")).toBe('crisis');
    expect(tier('can i post my counsellor a thank you card after our last session')).toBe('none');
    expect(
      tier("he thinks it's just a pause but i want it to be the final one for me, i'm doing so much better"),
    ).not.toBe('crisis');
    expect(tier("i don't want my counsellor to stop me from talking about my dad")).toBe('none');
  });
});

describe('GIVEN near-misses of sets 10 and 12 (and their classes in sets 1-13) that the whole check put in the crisis tier', () => {
  it('WHEN the topic is asked about as theory, research or a course THEN it is not a crisis, and the same reader who wants to die tonight is', () => {
    expect(tier("which theory of suicide did joiner write about? it's for my msc")).not.toBe('crisis');
    expect(tier('i read about the theory of suicide for my msc and now i want to kill myself tonight')).toBe(
      'crisis',
    );
  });

  it("WHEN a receptionist or a moderator asks how to answer someone's words THEN it is not a crisis, and the same words as the writer's own or told of a real caller are", () => {
    expect(
      tier(
        "how should we respond when a user says 'nobody would miss me if i was gone'? asking for the mod team",
      ),
    ).not.toBe('crisis');
    expect(tier("nobody would miss me if i was gone. i've got the pills ready")).toBe('crisis');
    expect(
      tier('surgery receptionist here, what do we do if a caller says they want to end their life?'),
    ).not.toBe('crisis');
    expect(tier('a caller told me tonight he wants to end his life and then hung up')).toBe('crisis');
  });

  it('WHEN an old attempt is counted back, told as a hospital stay long ago or a long stretch without urges THEN it is not a crisis, and the same words with it back now are', () => {
    expect(tier('two years ago today i tried to end my life. today i ran my first 10k')).not.toBe('crisis');
    expect(tier("two years ago today i tried to end my life and tonight i'm going to try again")).toBe(
      'crisis',
    );
    expect(
      tier("i was admitted after an overdose in sixth form. that was twelve years ago and i'm a nurse now"),
    ).not.toBe('crisis');
    expect(tier('i was admitted after an overdose last night and i want to do it again')).toBe('crisis');
    expect(tier('i have not felt a single urge to self harm in 6 months, proud of myself')).not.toBe(
      'crisis',
    );
    expect(tier('i have felt the urge to self harm every day for 6 months and tonight i cut')).toBe('crisis');
  });

  it('WHEN a goodbye or "won\'t need them" has an ordinary reason (a discharge, finished sessions, a new channel) THEN it is not a crisis, and the same words without one are', () => {
    expect(
      tier("discharged from the home treatment team this morning, they said i won't need them anymore"),
    ).not.toBe('crisis');
    expect(tier("i won't need them anymore after tonight")).toBe('crisis');
    expect(tier('we finished all our sessions and i said goodbye to my counsellor today')).not.toBe('crisis');
    expect(tier('said goodbye to my counsellor today and to all of you. this is my last message')).toBe(
      'crisis',
    );
    expect(
      tier(
        "the mods made me a helper so this is the last time you'll hear from me in general, i'll be in the support channel now",
      ),
    ).not.toBe('crisis');
    expect(tier("this is the last time you'll hear from me. thank you all for everything")).toBe('crisis');
  });

  it("WHEN crisis words are a meme, a pet's voice, a bathroom-floor stomach bug, bites or a contingency document THEN it is not a crisis, and the same words meant are", () => {
    expect(tier("me on monday mornings: i'm dead inside")).not.toBe('crisis');
    expect(tier("i'm dead inside and i've written the letters to my family")).toBe('crisis');
    expect(tier('"you\'d all be better off without me" - my dog every time i leave for work')).not.toBe(
      'crisis',
    );
    expect(tier("you'd all be better off without me. i mean it this time")).toBe('crisis');
    expect(tier('sitting on the bathroom floor because of food poisoning, send help')).not.toBe('crisis');
    expect(tier('sitting on the bathroom floor with the blade again')).toBe('crisis');
    expect(tier('scratching my mosquito bites till they bleed again')).not.toBe('crisis');
    expect(tier('scratching my arms till they bleed again')).toBe('crisis');
    expect(tier("updating my 'if i get hit by a bus' document before the holidays")).not.toBe('crisis');
    expect(tier('i hope i get hit by a bus tomorrow')).toBe('crisis');
    expect(tier('ctb means catch the bus, i was literally late for school')).not.toBe('crisis');
    expect(tier("gonna ctb tonight, i'm done")).toBe('crisis');
  });
});

describe('GIVEN idioms and disguised spellings', () => {
  it('WHEN an idiom and a real crisis share a message THEN the crisis is still caught', () => {
    expect(tier("I'm killing it at work lately")).toBe('none');
    expect(tier("I'm killing it at work lately but honestly I want to die")).toBe('crisis');
    expect(tier('her advice is to die for')).toBe('none');
    expect(tier('her advice is to die for. i want to end it all')).toBe('crisis');
    expect(tier("I'm dying to know if I can ask")).toBe('none');
    expect(tier("I'm dying to know if I can ask, i've been hurting myself")).toBe('crisis');
    expect(tier('my boss is going to kill me, i missed the deadline')).toBe('none');
  });

  it('WHEN a crisis is spelt to hide it THEN each is still caught', () => {
    const variants = [
      'I WANT TO KILL MYSELF',
      'i want to kiiiiill myselfff',
      'i want to k1ll mys3lf',
      'i want to k*ll myself',
      'i want to k\u200bill my\u200dself',
      'i want to kïll mysèlf',
      'i want to k i l l myself',
      'i want to ｋｉｌｌ myself',
      'i wanna kil myslef',
      'i want to k-i-l-l myself',
      'im suicidle',
      'sooicidal again',
    ];
    expect(variants.filter((message) => tier(message) !== 'crisis')).toEqual([]);
  });

  it('WHEN "kms" means kilometres or "kys" is aimed at someone else THEN it is not a crisis', () => {
    expect(tier('I ran 12 kms today')).toBe('none');
    expect(tier('you should kys')).toBe('none');
    expect(tier('i wanna kys')).toBe('crisis');
  });

  it('WHEN a parent will "kill" the writer over grades THEN it is hyperbole, but a threat from a partner is not', () => {
    expect(tier('my mom is going to kill me when she sees my grades')).toBe('none');
    expect(tier("I'm scared my husband will kill me when he finds out")).toBe('crisis');
    expect(tier('he threatened to kill me')).toBe('crisis');
  });
});

describe('GIVEN what the verdict says', () => {
  it('WHEN a crisis is found THEN the verdict names concepts only, never the words of the message', () => {
    const result = assessSafety('my secret name is Zorblax and i want to kill myself with pills tonight');
    expect(result.tier).toBe('crisis');
    expect(JSON.stringify(result)).not.toMatch(/zorblax|pills|tonight/i);
  });

  it('WHEN the message is empty or blank THEN there is no tier', () => {
    expect(assessSafety('')).toEqual({ tier: 'none' });
    expect(assessSafety('   \n\t ')).toEqual({ tier: 'none' });
  });
});

describe('normalizeForCrisis', () => {
  it('GIVEN accents, zero-width characters, curly apostrophes and stretched letters THEN they are normalised', () => {
    expect(normalizeForCrisis('I’m so\u200b tíred, I don’t wanna goooo')).toBe(
      'i am so tired i do not want to go',
    );
  });

  it('GIVEN line breaks and sentence punctuation THEN they become sentence breaks', () => {
    expect(normalizeForCrisis('hello!!\n\nworld?')).toBe('hello . world .');
  });

  it('GIVEN a laughing emoji THEN it reads as laughter', () => {
    expect(normalizeForCrisis('i fear for my life 😂')).toBe('i fear for my life lol');
  });
});

describe('GIVEN hostile or huge input', () => {
  const hostile = [
    'a '.repeat(10_000),
    'i want to '.repeat(2000),
    'k i l l '.repeat(2500),
    ('my partner is is is is ' + 'just '.repeat(20)).repeat(160),
    '!'.repeat(20_000),
    'suicide'.repeat(2860),
    'want to just really like '.repeat(800),
    '\u200b'.repeat(20_000),
    'kill. '.repeat(3333),
    'no reason to '.repeat(1540),
    'my friend said she '.repeat(1053),
  ].map((text) => text.slice(0, 20_000));

  it('WHEN each 20,000-character string (the cap) is checked THEN it completes, with bounded time', () => {
    for (const text of hostile) {
      const started = performance.now();
      const result = assessSafety(text);
      // A generous bound on a loaded machine: what it guards against is time that explodes with length.
      expect(performance.now() - started).toBeLessThan(1500);
      expect(['none', 'concern', 'crisis']).toContain(result.tier);
    }
  });

  it('WHEN random strings up to 10,000 characters are checked THEN it never throws and is deterministic', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 10_000 }), (text) => {
        expect(assessSafety(text)).toEqual(assessSafety(text));
      }),
      { numRuns: 100 },
    );
  });

  it('WHEN random mixes of crisis and ordinary words are checked THEN it never throws and is deterministic', () => {
    const words = fc.constantFrom(
      'i',
      'want',
      'to',
      'die',
      'kill',
      'myself',
      'my',
      'therapist',
      'killing',
      'it',
      'he',
      'will',
      'me',
      'not',
      'safe',
      'pills',
      'jump',
      'off',
      'bridge',
      'kms',
      'kys',
      '.',
      ',',
      'lol',
      'suicide',
      'cut',
      'dying',
      'for',
      'end',
      'all',
      '2',
      'k1ll',
      '\u200b',
      'é',
      '💀',
      'goodbye',
      'tonight',
      'friend',
      'she',
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 400 }), (parts) => {
        const text = parts.join(' ');
        expect(assessSafety(text)).toEqual(assessSafety(text));
      }),
      { numRuns: 300 },
    );
  });
});
