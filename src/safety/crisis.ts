/**
 * Crisis-message detection: runs before retrieval so that a message expressing suicidal thoughts,
 * self-harm or immediate danger gets the crisis reply instead of article text.
 *
 * Pure and synchronous. Designed by concept rather than by listing sentences:
 *   1. `normalizeForCrisis` turns the message into a canonical form (lowercase, no accents, no
 *      zero-width or control characters, leetspeak digits mapped inside words, apostrophes unified and
 *      contractions expanded, stretched letters collapsed, spaced-out letters joined, slang such as
 *      "wanna" expanded, and typos of a few key words — kill, myself, suicide — repaired with a small
 *      edit-distance check).
 *   2. Idioms ("killing it", "to die for", "dying to know", "beat myself up", "suicide squad"...) are
 *      replaced by a neutral marker. Only the idiom's own words are removed, so a real crisis elsewhere
 *      in the same message ("I'm killing it at work but I want to die") is still seen.
 *   3. Concept patterns run over the result. Every pattern is linear-time (no nested unbounded
 *      quantifiers) and stays inside one sentence.
 *
 * When in doubt the patterns lean towards the crisis reply: a missed crisis costs more than a false
 * alarm. The result names concepts only — never the user's words — so it is safe to log.
 */
import { editDistance } from '../text/index.js';
import type { SafetyAssessment } from './types.js';

export type CrisisSignal =
  'suicidal-ideation' | 'self-harm' | 'plan-or-means' | 'immediate-danger' | 'slang' | 'help-seeking';

export type CrisisCheck = { isCrisis: true; signals: readonly CrisisSignal[] } | { isCrisis: false };

const NOT_CRISIS: CrisisCheck = Object.freeze({ isCrisis: false });

export function detectCrisis(message: string): CrisisCheck {
  if (typeof message !== 'string' || message.length === 0) return NOT_CRISIS;
  const text = neutralizeIdioms(normalizeForCrisis(message));
  const firstPerson = FIRST_PERSON.test(text);
  const found = new Set<CrisisSignal>();
  for (const rule of RULES) {
    if (found.has(rule.signal)) continue;
    if (rule.needsFirstPerson && !firstPerson) continue;
    if (rule.pattern.test(text)) found.add(rule.signal);
  }
  if (found.size === 0) return NOT_CRISIS;
  const signals = SIGNAL_ORDER.filter((signal) => found.has(signal));
  return { isCrisis: true, signals };
}

const SIGNAL_ORDER: readonly CrisisSignal[] = [
  'suicidal-ideation',
  'self-harm',
  'plan-or-means',
  'immediate-danger',
  'slang',
  'help-seeking',
];

// ---------------------------------------------------------------------------------------------------
// Normalisation
// ---------------------------------------------------------------------------------------------------

const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'i',
  '*': 'x', // a censored letter ("k*ll", "s*icide"); the typo repair treats it as one wrong letter
};

/** Whole-token rewrites applied after punctuation is removed. */
const TOKEN_MAP: Readonly<Record<string, string>> = {
  wanna: 'want to',
  wana: 'want to',
  wan: 'want',
  wnt: 'want',
  wnna: 'want to',
  gonna: 'going to',
  gona: 'going to',
  gunna: 'going to',
  finna: 'going to',
  boutta: 'about to',
  bouta: 'about to',
  tryna: 'trying to',
  gotta: 'got to',
  imma: 'i am going to',
  ima: 'i am going to',
  im: 'i am',
  ive: 'i have',
  dont: 'do not',
  dnt: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  cant: 'can not',
  cannot: 'can not',
  cnt: 'can not',
  wont: 'will not',
  isnt: 'is not',
  wasnt: 'was not',
  werent: 'were not',
  wouldnt: 'would not',
  couldnt: 'could not',
  shouldnt: 'should not',
  havent: 'have not',
  hes: 'he is',
  shes: 'she is',
  theyre: 'they are',
  theyll: 'they will',
  youre: 'you are',
  u: 'you',
  ur: 'your',
  pls: 'please',
  plz: 'please',
  rn: 'right now',
  anymore: 'anymore',
  sumone: 'someone',
  some1: 'someone',
  everythin: 'everything',
  evrything: 'everything',
  evrythng: 'everything',
  lyf: 'life',
  lief: 'life',
  lfie: 'life',
  wnat: 'want',
  waht: 'what',
  whats: 'what is',
  wats: 'what is',
};

const KEY_WORDS: readonly {
  readonly word: string;
  readonly first: string;
  readonly second?: string;
  readonly maxDistance: number;
}[] = [
  { word: 'kill', first: 'k', maxDistance: 1 },
  { word: 'kills', first: 'k', maxDistance: 1 },
  { word: 'killed', first: 'k', maxDistance: 1 },
  { word: 'killing', first: 'k', maxDistance: 1 },
  { word: 'myself', first: 'm', maxDistance: 1 },
  { word: 'suicide', first: 's', second: 'uioewx', maxDistance: 2 },
  { word: 'suicides', first: 's', second: 'uioewx', maxDistance: 2 },
  { word: 'suicidal', first: 's', second: 'uioewx', maxDistance: 2 },
  { word: 'unalive', first: 'u', maxDistance: 1 },
];

/** Real words that sit within the edit distance of a key word and must keep their meaning. */
const REAL_WORDS = new Set([
  'kilt',
  'kilts',
  'kiln',
  'kilns',
  'kilo',
  'kilos',
  'kiss',
  'kit',
  'kin',
  'kid',
  'kids',
  'kind',
  'kits',
  'kite',
  'kites',
  'kiwi',
  'kelp',
  'keel',
  'kneel',
  'knell',
  'kinks',
  'kinds',
  'kiting',
  'kidding',
  'killer',
  'killers',
  'skilled',
  'subside',
  'subsided',
  'subsides',
  'subsidy',
  'seaside',
  'suited',
  'succeed',
  'succeeds',
  'secede',
  'suicide',
  'suicides',
  'suicidal',
  'sluice',
  'suffice',
  'sundae',
  'sundial',
  'surcease',
  'myself',
  'mystery',
  'unalike',
  'sliced',
  'spiced',
]);

const MAX_KEY_LENGTH = 10;

function repairKeyWord(token: string): string {
  if (token.length < 3 || token.length > MAX_KEY_LENGTH || REAL_WORDS.has(token)) return token;
  for (const key of KEY_WORDS) {
    if (token === key.word) return token;
  }
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const key of KEY_WORDS) {
    if (token[0] !== key.first) continue;
    if (key.second !== undefined && !key.second.includes(token[1] ?? '')) continue;
    if (Math.abs(token.length - key.word.length) > key.maxDistance) continue;
    // Short words get at most one edit whatever the key allows.
    const allowed = token.length < 6 ? Math.min(1, key.maxDistance) : key.maxDistance;
    const distance = editDistance(token, key.word, allowed);
    if (distance <= allowed && distance < bestDistance) {
      best = key.word;
      bestDistance = distance;
    }
  }
  return best ?? token;
}

/**
 * Canonical form used by the patterns: lowercase ASCII words separated by single spaces, with `.` as a
 * sentence break. Exported for tests and for callers that want the same normalisation.
 */
export function normalizeForCrisis(message: string): string {
  let s = message.normalize('NFKD');
  s = s.replace(/\p{M}+/gu, ''); // accents and other combining marks
  s = s.replace(/\p{Cf}+/gu, ''); // zero-width spaces and joiners, soft hyphens, bidi controls
  s = s.toLowerCase();
  s = s.replace(/[\r\n\u2028\u2029\u0085]+/g, ' . '); // a line break ends a sentence
  s = s.replace(/\p{Cc}+/gu, ' ');
  s = s.replace(/[\u2018\u2019\u201b\u02bc\u02b9\u0060\u00b4\u2032\uff07]/g, "'");

  // Leetspeak inside words that also contain letters ("k1ll", "su1c1de", "$uicide", "d!e", "k*ll").
  s = s.replace(/[a-z0-9@$!|*]+/g, (token) => {
    const core = token.replace(/^[!|*]+|[!|*]+$/g, '');
    if (!/[a-z]/.test(core) || !/[0134579@$!|*]/.test(core)) return token;
    const lead = token.slice(0, token.indexOf(core));
    const trail = token.slice(token.indexOf(core) + core.length);
    return lead + core.replace(/[0134579@$!|*]/g, (ch) => LEET[ch] ?? ch) + trail;
  });

  // Contractions, then any leftover apostrophes (possessives) join their word.
  s = s
    .replace(/\bwon't\b/g, 'will not')
    .replace(/\bcan't\b/g, 'can not')
    .replace(/\bain't\b/g, 'is not')
    .replace(/n't\b/g, ' not')
    .replace(/'m\b/g, ' am')
    .replace(/'re\b/g, ' are')
    .replace(/'ve\b/g, ' have')
    .replace(/'ll\b/g, ' will')
    .replace(/'d\b/g, ' would')
    .replace(/'/g, '');

  // Spaced or dotted single letters form one word: "k i l l", "k.m.s", "s-u-i-c-i-d-e".
  s = s.replace(/\b[a-z](?:[ .\-_]+[a-z]\b){2,}/g, (run) => run.replace(/[^a-z]/g, ''));

  s = s.replace(
    /\b(want|wanted|wanna|going|need|ready|about|trying|try|have|plan|planning|wish|like|love|deserve|deserves) 2\b/g,
    '$1 to',
  );
  s = s.replace(/[.!?;:\u3002\u2026]+/g, ' . ');
  s = s.replace(/[^a-z0-9.]+/g, ' ');
  s = s.replace(/([a-z])\1{2,}/g, '$1'); // "diiiie" -> "die", "killlll" -> "kil" (repaired below)

  const words: string[] = [];
  for (const raw of s.split(' ')) {
    if (raw.length === 0) continue;
    if (raw === '.') {
      if (words.length > 0 && words[words.length - 1] !== '.') words.push('.');
      continue;
    }
    const word = raw.replace(/\.+/g, '');
    if (word.length === 0) continue;
    words.push(TOKEN_MAP[word] ?? repairKeyWord(word));
  }
  return words
    .join(' ')
    .replace(/\bmy self\b/g, 'myself')
    .replace(/\bun alive/g, 'unalive')
    .replace(/\bi m\b/g, 'i am');
}

// ---------------------------------------------------------------------------------------------------
// Idioms: replaced by a neutral marker before the concept patterns run
// ---------------------------------------------------------------------------------------------------

const N = ' ~ ';

const IDIOMS: readonly RegExp[] = [
  /\bto die for\b(?! (?:real|good|sure|realsies))/g,
  /\bdying to\b(?= [a-z])/g, // "dying to know" — the verb after it stays and is still checked
  /\b(?:dy(?:e)?ing|dye|dyed|die|died) (?:my|her|his|their|your|the) (?:hair|roots|beard|eyebrows|clothes|shirt|jeans|fabric|wool|eggs)\b/g,
  /\b(?:die|died|dying|dead) (?:of|from|with) (?:laughter|laughing|embarrassment|shame|cringe|boredom|curiosity|happiness|cuteness|heat|the heat|thirst|hunger|jealousy|envy|suspense)\b/g,
  /\b(?:die|died|dying|dead) (?:laughing|happy|old)\b/g,
  /\bdie on (?:this|that|the) hill\b/g,
  /\bdead (?:tired|serious|wrong|right|on|set|center|centre|end|last|simple|easy|quiet|silent|ass|asleep|weight|heat|line|lines|link|links|pixel|pixels|battery|phone|giveaway|ringer|even|straight|ahead|stop|beat|broke|inside joke)\b/g,
  /\b(?:could|would|id|i would) (?:kill|murder|die) for\b/g,
  /\bkill (?:time|two birds|the lights|the music|the engine|the process|the bug|the vibe|the mood)\b/g,
  /\b(?:beat|beating|beats) (?:myself|me) up\b/g,
  /\b(?:kick|kicking|kicked) myself\b/g,
  /\bcut (?:myself|me) (?:some )?(?:slack|a break|off|a slice|a piece|a deal|in)\b/g,
  /\b(?:killing|killed|kill) myself (?:laughing|with laughter)\b/g,
  /\b(?:push|pushing|pushed|throw|throwing|threw) myself (?:into|to|at|forward)\b(?! (?:traffic|the (?:river|sea|ocean|lake|traffic|tracks)))/g,
  /\b(?:accidentally|accidently) (?:cut|hurt|burned|burnt|burn|harmed) myself\b/g,
  /\b(?:cut|hurt|burned|burnt|burn|harmed|injured) myself (?:while|when|by accident|accidentally|on a|on the|on my|at the gym|at work|playing|cooking|shaving|chopping|running|lifting|working out|exercising|skiing|skating|falling|slicing|gardening)\b/g,
  /\bsuicide (?:squad|doors?|sprints?|drills?|runs?|blonde|silence|boys?)\b/g,
  /\bsuicideboys?\b/g,
  /\b(?:end|ending|ended|ends) (?:it|things) with\b/g,
  /\b(?:overdose|overdosed|overdosing|od|odd|oding) on (?:caffeine|coffee|sugar|chocolate|netflix|tv|anime|memes|tiktok|cuteness|candy|energy drinks|red bull|content|love|drama|nostalgia)\b/g,
  /\b(?:hit|hits|hitting) me (?:up|back)\b/g,
  /\b(?:hit|hits|hitting|shot) me (?:with|a) (?:a |an |the |that |this |some |her |his )?(?:[a-z]+ )?(?:question|questions|fact|facts|news|truth|reality|realization|joke|line|request|bill|text|message|look|smile|wink)\b/g,
  /\b(?:beat|beats|beaten) me (?:at|in|to|by)\b/g,
  /\b(?:stab|stabs|stabbed|stabbing) (?:me|him|her|them|us) in the back\b/g,
  /\b(?:killed|killing|kills) me with (?:that|this|the|her|his|their|a|those|these) (?:joke|jokes|pun|puns|line|story|comment|look|outfit|meme|memes)\b/g,
  /\b(?:delete|deleting|erase|erasing|remove|removing) myself from (?:the|this|that|a|my|discord|reddit|social|group|server|chat)\b/g,
  /\b(?:[0-9]+|a few|few|some|several|many|hundred|thousand|ten|two|three|four|five|six|seven|eight|nine|twenty|fifty) kms\b/g,
  /\b(?:drown|drowning|drowned|bury|burying|buried) myself in (?!(?:the |a )?(?:river|lake|sea|ocean|bath|bathtub|tub|water|pool)\b)/g,
  /\b(?:shoot|shooting|shot) myself in the foot\b/g,
  /\b(?:burn|burning|burned|burnt|wear|wearing|wore|work|working|worked|stress|stressing|stressed) myself (?:out|down|up|silly|to the bone)\b/g,
  /\bcan not (?:go on|keep going) (?:a|holiday|vacation|the|my|with|about|to|at|for|this|that)\b/g,
];

/** Academic or third-person mentions of the topic; neutral only when the writer says nothing about themself. */
const ACADEMIC =
  /\bsuicid(?:e|al) (?:prevention|awareness|research|statistics|stats|rates?|training|policy|policies|protocols?|screenings?|assessments?|risk assessments?|studies|study|literature|data|risk|risks|risk factors|warning signs)\b/g;

function neutralizeIdioms(text: string): string {
  let out = text;
  for (const idiom of IDIOMS) out = out.replace(idiom, N);
  if (!SELF.test(out)) out = out.replace(ACADEMIC, N);
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Concept patterns (over the canonical text)
// ---------------------------------------------------------------------------------------------------

const FIRST_PERSON = /\b(?:i|me|my|myself|mine)\b/;
const SELF = /\b(?:i|me|myself)\b/;

/** Up to three filler words between the parts of a phrase ("want to just like die"). */
const FILL =
  '(?:(?:just|really|like|literally|fucking|fking|fkn|freaking|honestly|kinda|so|actually|seriously|simply|genuinely|lowkey|highkey|finally|maybe|probably|even|also|still|ever|sometimes|often|always|never|kind of|sort of|go|quietly|peacefully|already) ){0,3}';

const DESIRE =
  '(?:want|wants|wanted|wanting|wish|wished|wishing|need|needs|ready|plan|plans|planning|planned|try|tried|trying|tempted|decided|deciding|going to|about to|urge|urges|urged|considering|consider|considered|deserve|deserves|should|hope|hoping|pray|praying|prepared|preparing|choose|chose|intend|intending|longing|prefer|rather|thinking about|thinking of|thought about|thoughts of|think about|thoughts about|dreaming about|dream about|fantasi[sz]e about|fantasi[sz]ing about)';

/** What the desire is for: death, not existing, ending one's life. */
const DEATH_WISH =
  '(?:die+|dying|be dead|being dead|(?:end|ending) (?:it all|everything|myself|my life|my own life|this life|all of this|my existence)|(?:end|ending) (?:it|this|things)(?: now| tonight| today| soon| for good| forever| already)?(?= \\.|$| ~)|kill myself|killing myself|off myself|unalive myself|not (?:be |being )?(?:alive|exist|existing|live|living|wake up|waking up)|stop (?:living|existing|breathing)|disappear (?:forever|for good|permanently|from (?:this|the) (?:world|earth)|and never (?:come back|return|be seen again))|go to sleep and (?:never|not) wake up|sleep and (?:never|not) wake up|(?:go to )?sleep (?:forever|for good|permanently)|never wake up|leave this (?:world|earth|life)|be gone (?:forever|for good)|be gone(?= \\.|$| ~)|give up on (?:life|living)|not be (?:here|around) anymore)';

const SELF_HARM_VERB =
  '(?:cut|cuts|cutting|burn|burns|burning|burned|burnt|hurt|hurts|hurting|harm|harms|harming|harmed|hit|hits|hitting|punch|punches|punching|punched|bruise|bruising|starve|starving|starved|mutilate|mutilating|mutilated|slice|slicing|sliced|stab|stabbing|stabbed|carve|carving|carved|bleed|bleeding|strangle|strangling|choke|choking|injure|injuring|injured)';

const BODY = '(?:wrists?|arms?|forearms?|thighs?|legs?|skin|veins?|stomach|hips?|belly|body|ankles?)';

const PERSON_NOUN =
  'my (?:partner|husband|hubby|wife|boyfriend|bf|girlfriend|gf|ex|ex husband|ex wife|ex boyfriend|ex girlfriend|dad|father|stepdad|step dad|stepfather|mom|mum|mother|stepmom|stepmother|parents?|brother|sister|uncle|aunt|cousin|grandpa|grandfather|grandma|roommate|flatmate|housemate|landlord|boss|neighbou?r|son|daughter|fiance|fiancee|spouse|carer|caretaker|guardian|family|coach|teacher|abuser|stalker)';

const PERSON = `(?:he|she|they|someone|somebody|some one|a (?:man|guy|woman|stranger|person)|(?:the|this|that) (?:man|guy|woman|person|stranger)|${PERSON_NOUN})`;

const AUX =
  '(?:(?:is|are|was|were|has|have|had|keeps|kept|keep|been|just|always|often|still|again|also|even|now|literally|actually|really|constantly|sometimes|started|starting|starts|used to|would|will|might|may|can|could|does|did) ){0,3}';

const THREAT =
  '(?:will|would|might|could|is going to|are going to|going to|wants to|want to|wanted to|tried to|tries to|trying to|threatened to|threatens to|threatening to|said he would|said she would|said they would|says he will|says she will|says they will|swore he would|swore she would|swore to|is about to|about to|almost|nearly|attempted to|plans to|planning to|is planning to|is trying to|has tried to|keeps trying to|keeps threatening to)';

const VIOLENCE =
  '(?:hit|hits|hitting|beat|beats|beating|punch|punches|punched|punching|kick|kicks|kicked|kicking|slap|slaps|slapped|slapping|choke|chokes|choked|choking|strangle|strangles|strangled|strangling|rape|rapes|raped|raping|molest|molests|molested|molesting|abuse|abuses|abused|abusing|assault|assaults|assaulted|assaulting|stab|stabs|stabbed|stabbing|attack|attacks|attacked|attacking|shove|shoves|shoved|shoving|hurt|hurts|hurting|drugged|stalk|stalks|stalked|stalking|following|threaten|threatens|threatened|threatening|touching|touched|molesting)';

const END = '(?= \\.|$| ~)';

interface Rule {
  readonly signal: CrisisSignal;
  readonly pattern: RegExp;
  readonly needsFirstPerson?: boolean;
}

function rule(signal: CrisisSignal, source: string, needsFirstPerson = false): Rule {
  return { signal, pattern: new RegExp(source), needsFirstPerson };
}

const RULES: readonly Rule[] = [
  // --- suicidal ideation -----------------------------------------------------------------------------
  rule('suicidal-ideation', `\\b(?:suicide|suicides|suicidal|suicidality)\\b`),
  rule('suicidal-ideation', `\\bkill \\. myself\\b`),
  rule(
    'suicidal-ideation',
    `\\b(?:kill|kills|killed|killing|murder|murdering|end|ends|ending|ended|offing|offed|unalive|unaliving|hang|hanging|hanged|shoot|shooting|shot|drown|drowning|drowned|poison|poisoning|suffocate|suffocating|destroy|destroying|delete|deleting|erase|erasing) myself\\b(?! (?:laughing|out|up|in the foot))`,
  ),
  rule('suicidal-ideation', `\\b${DESIRE} ${FILL}(?:to )?${FILL}${DEATH_WISH}\\b`),
  rule(
    'suicidal-ideation',
    `\\b(?:take|taking|took|taken|end|ending|ended) my (?:own )?life(?=${END}| (?:tonight|today|now|soon|tomorrow|and|because|if|since|but|so|this|when|with|by|before|after|already|again|away|for real|lol|or|i|please))`,
  ),
  rule(
    'suicidal-ideation',
    `\\b(?:end|ending|ended|finish|finishing) (?:it all|everything|this life|my existence|my life)\\b`,
  ),
  rule(
    'suicidal-ideation',
    `\\b(?:end|ending) (?:it|things)(?: (?:now|tonight|today|soon|for good|forever|already|right now))?${END}`,
  ),
  rule(
    'suicidal-ideation',
    `\\bwish(?:ed|ing)? (?:i|that i) (?:was|were|would be|could be|had been) (?:dead|gone|never born|not born|not alive|not here)\\b`,
  ),
  rule(
    'suicidal-ideation',
    `\\bwish(?:ed|ing)? (?:i|that i) (?:was not|were not|had not been|had never been|was never|were never|never was|did not|would not|could not|could just|could|would|would just|never) ${FILL}(?:born|exist|existed|wake up|woke up|be born|been born|alive|here anymore|die|be dead|disappear|stop existing|sleep forever)\\b`,
  ),
  rule(
    'suicidal-ideation',
    `\\b(?:wish|hope|want|wants|pray|praying|hoping|wishing) (?:someone|somebody|something|a car|a truck|a bus|a train|god|the universe|it) (?:would |will |could |to )?${FILL}(?:kill|end|hit|take|run over|run) me\\b`,
  ),
  rule(
    'suicidal-ideation',
    `\\b(?:hope|hoping|pray|praying|wish|wishing) i (?:do not|never|will not|would not|dont) wake up\\b`,
  ),
  rule(
    'suicidal-ideation',
    `\\b(?:hope|hoping|pray|praying|wish|wishing) i (?:die|get hit|get killed|crash|do not make it|never come back)\\b`,
  ),
  rule(
    'suicidal-ideation',
    `\\b(?:better off|be better|are better|is better|be happier|are happier|would be fine|be easier|easier for everyone) (?:off )?(?:dead|without me|if i (?:was|were|am) (?:gone|dead|not here|not around|never born|not alive)|if i (?:died|disappeared|never existed|did not exist|killed myself|left for good|was never born|were never born))\\b`,
  ),
  rule(
    'suicidal-ideation',
    `\\b(?:no one|nobody|noone|no body|not one person|none of them) (?:would|will|is going to|gonna|even|would even|will even|would ever|will ever|would really|will really) ${FILL}(?:miss me|(?:notice|care|know|mind) (?:if|when) i (?:die|died|was gone|were gone|am gone|disappeared|disappear|vanished|was dead|were dead|killed myself|was not here|were not here|did not wake up|left for good)|notice i am gone|care i am gone)\\b`,
  ),
  rule(
    'suicidal-ideation',
    `\\b(?:no|nothing|zero|not any|not a single|not one|not really a|not a|lost (?:my|all|every)|there is no|do not have a|do not have any|have no|see no|(?:do not|can not|could not|will never|never) (?:see|have|find|think of|know of|get) (?:a|any|one|the)) (?:reason|reasons|point|purpose|will|desire|motivation|meaning) (?:to|in|of|for|left to) (?:live|living|life|go on|going on|keep going|keep living|be alive|being alive|stay alive|staying alive|exist|existing|continue|continuing|be here|being here|wake up|waking up|carry on|carrying on|try|trying|stay)\\b`,
  ),
  rule(
    'suicidal-ideation',
    `\\bnothing (?:left )?(?:to live for|worth living for|keeping me (?:here|alive|going))\\b`,
  ),
  rule(
    'suicidal-ideation',
    `\\b(?:life|my life|living|being alive|existing) (?:is|is not|feels|seems|has become|has been) (?:not |no longer |so |totally |completely )?(?:worth living|worth it anymore|pointless|meaningless|not worth (?:it|living))\\b`,
  ),
  rule('suicidal-ideation', `\\bnot worth (?:living|being alive|saving|keeping alive)\\b`),
  rule(
    'suicidal-ideation',
    `\\bwhat is (?:even )?the (?:point|use)(?: of (?:anything|it all|trying|me))?(?: anymore| any more)${END}`,
  ),
  rule(
    'suicidal-ideation',
    `\\bwhat is the (?:point|use) (?:of|in) (?:living|life|going on|being alive|existing|me|anything anymore|trying anymore|waking up)\\b`,
  ),
  rule(
    'suicidal-ideation',
    `\\b(?:do not|never|no longer|really do not|just do not) ${FILL}(?:want|wanna|wish|feel like|feel the need) (?:to )?${FILL}(?:be alive|exist|be here anymore|be here any longer|be here${END}|be around anymore|be around${END}|keep living|be on this earth|be in this world|(?:live|go on|keep going|continue|wake up)(?: anymore| any more| any longer| like this| living| tomorrow| ever again| again)?${END})`,
  ),
  rule(
    'suicidal-ideation',
    `\\b(?:want|wants|need|needs|wish|hope|just want) (?:it|it all|everything|this|all of this|this all|the pain|life|my life|all this|things|everything) (?:to|would|will|could) ${FILL}(?:end|stop|be over)${END}`,
  ),
  rule(
    'suicidal-ideation',
    `\\b(?:tired|sick|exhausted|done|finished) (?:of|with) (?:living|life|being alive|existing|being here|waking up|everything|it all|my life|breathing|trying to live)\\b`,
  ),
  rule(
    'suicidal-ideation',
    `\\bcan not (?:go on|keep going|keep living|live like this|do this|take it|take this|handle (?:it|this|life)|cope|deal with (?:it|this|life)|bear (?:it|this)|stand (?:it|this|living)|survive this|carry on)(?: any ?more| any longer| much longer| like this| for much longer)\\b`,
  ),
  rule(
    'suicidal-ideation',
    `\\bcan not (?:go on|keep going|keep living|live like this|carry on|go on living|take it|do this)${END}`,
  ),
  rule(
    'suicidal-ideation',
    `\\b(?:will not|might not|may not|probably will not|do not plan to|do not think i will|will not be|am not going to|not going to|do not think i am going to) (?:be )?(?:(?:here|around|alive) (?:much longer|for much longer|for long|after tonight|to see (?:tomorrow|another|next))|alive (?:tomorrow|next week|by (?:tomorrow|morning|tonight|the weekend)|anymore))\\b`,
  ),
  rule(
    'suicidal-ideation',
    `\\b(?:this is|consider this|take this as) (?:my )?(?:goodbye|my last message|my final message)\\b`,
  ),
  rule('suicidal-ideation', `\\b(?:goodbye|bye) (?:world|cruel world|forever)\\b`),
  rule(
    'suicidal-ideation',
    `\\b(?:wrote|writing|write|written|left|leaving|drafted|drafting) (?:a |my )?(?:suicide|goodbye|final|last) (?:note|letter|notes|letters)\\b`,
  ),
  rule(
    'suicidal-ideation',
    `\\b(?:giving|gave|give) away (?:all )?my (?:stuff|things|belongings|possessions|pets?|cat|dog|savings)\\b`,
  ),
  rule(
    'suicidal-ideation',
    `\\b(?:thoughts|thinking|think|thought|ideas|ideation|obsessing|fantasi[sz]ing|dreaming|daydreaming) (?:of|about) (?:dying|death|suicide|my death|my funeral|killing myself|ending (?:it|my life|things|everything)|not being (?:here|alive|around)|not existing|being dead|how to die|ways to die|overdosing|(?:jumping|hanging)${END})\\b`,
  ),
  rule(
    'suicidal-ideation',
    `\\b(?:how|ways|way|best way|easiest way|quickest way|painless way|methods?) to (?:die|kill myself|end my life|end it|overdose|hang myself|not wake up)\\b`,
  ),
  rule(
    'suicidal-ideation',
    `\\b(?:feel|feeling|felt|am|so|i am|i feel) (?:so |completely |totally |just )?dead inside\\b`,
  ),
  rule(
    'suicidal-ideation',
    `\\b(?:i am|i feel like|i feel like i am|i am just|i am such) (?:a |such a |nothing but a |only a )?burden (?:to|on) (?:everyone|everybody|my family|them|you all|the world|people)\\b`,
  ),
  rule('suicidal-ideation', `\\b(?:hate|hating) (?:being alive|living|my life so much|existing)\\b`),
  rule(
    'suicidal-ideation',
    `\\b(?:attempted|attempt|attempting|tried to commit|try again|tried again)\\b.{0,40}\\b(?:suicide|die|kill myself|end it|end my life|overdose)\\b`,
  ),

  rule(
    'suicidal-ideation',
    `\\b(?:kill|kills|killed|killing|hurt|hurts|hurting|harm|harms|harming|cut|cuts|cutting|hang|hanged|hanging|unalive|unalived|end|ending|shoot|shot|drown|drowned|poison|poisoned|overdose|overdosed) (?:himself|herself|themselves|themself)\\b(?! (?:laughing|out|up|in the foot|off))`,
  ),

  rule('suicidal-ideation', `\\bbetter off (?:dead|gone|not here|not existing|not alive|not being here)\\b`),
  rule('suicidal-ideation', `\\b(?:give|giving|given|gave) up on (?:life|living|being alive|myself)\\b`),
  rule(
    'suicidal-ideation',
    `\\b(?:will|would|going to|might) be dead (?:by|before|soon|tomorrow|tonight|next)\\b`,
  ),
  rule(
    'suicidal-ideation',
    `\\b(?:not|never|do not think i will|do not think i am going to) (?:going to |gonna )?make it (?:through|to|past) (?:the night|tonight|tomorrow|the morning|the week|the weekend)\\b`,
  ),

  // --- self-harm -------------------------------------------------------------------------------------
  rule('self-harm', `\\b${SELF_HARM_VERB} myself\\b(?! (?:out|up|short|free|loose|off))`),
  rule('self-harm', `\\bscratch(?:ing|ed)? (?:myself|my ${BODY}) (?:until|till|raw|open|so hard)\\b`),
  rule(
    'self-harm',
    `\\b(?:cut|cutting|slit|slitting|slice|slicing|carve|carving|burn|burning) (?:open )?my ${BODY}\\b(?! (?:shaving|while|when|by accident|accidentally|on (?:a|the|some)|cooking|playing|in the sun))`,
  ),
  rule(
    'self-harm',
    `\\bself ?(?:harm|harming|harmed|harms|injury|injuries|injure|injuring|injurious|mutilation|mutilate|mutilating|destruct|destructing|destruction)\\b`,
  ),
  rule(
    'self-harm',
    `\\b(?:been|started|start|starting|keep|kept|stop|stopped|quit|quitting|i am|am|was|i|again|relapsed|relapse|relapsing|back to|back into|go back to|went back to|urges to start|habit of|addicted to|clean from) cutting(?: again| myself| deeper| for| since| and| but| so|${END})`,
  ),
  rule(
    'self-harm',
    `\\b(?:i|i have|i just|i had) (?:cut|burned|burnt|hurt|harmed|scratched|bled)(?: again| myself|${END})`,
  ),
  rule(
    'self-harm',
    `\\b(?:urge|urges|want|wanting|need|needing|itch|itching|craving|cravings|tempted|desire|going|about|planning|thinking about) (?:to )?(?:cut|cutting|self harm|burn|bleed|hurt)(?: (?:again|deeper|more|tonight|so bad|so badly|today|now|right now|badly)){0,2}${END}`,
  ),
  rule(
    'self-harm',
    `\\b(?:i|to|been|started|stop|stopped|relapsed|relapse|urges?|did|do|my|of|on|from|about|clean from|days clean from) sh\\b`,
  ),
  rule(
    'self-harm',
    `\\b(?:urge|urges|craving|cravings|need|itch) to (?:cut|self harm|burn|bleed|hurt myself|sh)\\b(?! (?:my hair|ties|back|down|corners|class|classes|carbs|sugar|costs|the|off))`,
  ),
  rule('self-harm', `\\bsh (?:again|urges?|scars?|wounds?|cuts|relapse|relapsed|clean|free|tools?|kit)\\b`),
  rule(
    'self-harm',
    `\\b(?:razor|razors|blade|blades|knife|scissors|lighter|glass) (?:to|on|against|across|into) my ${BODY}\\b`,
  ),
  rule(
    'self-harm',
    `\\b(?:hiding|hide|hid|cover|covering|covered) (?:my |the )?(?:cuts|scars|wounds|burns) (?:on|from)\\b`,
  ),
  rule('self-harm', `\\b(?:cuts|scars|wounds|burns) on my ${BODY} (?:again|are|from)\\b`),
  rule(
    'self-harm',
    `\\bi (?:have |just |also |still )?(?:got|have|hid|hidden|am hiding|bought|grabbed|am holding|keep|kept|found|took) (?:a |my |the |some |new |another )?(?:razor|razors|blade|blades|razor blades?|sharpener blades?)\\b(?! (?:for (?:shaving|my (?:beard|legs|face|head))))`,
  ),
  rule('self-harm', `\\buntil (?:i|my [a-z]+|it) (?:bled|bleed|bleeds|bleeding|bruised|broke)\\b`),
  rule('self-harm', `\\bmake myself (?:bleed|bleed again|hurt|suffer|throw up|sick)\\b`),

  // --- plan or means --------------------------------------------------------------------------------
  rule(
    'plan-or-means',
    `\\b(?:pills|pill|meds|medication|medications|tablets|painkillers|sleeping pills|tylenol|paracetamol|acetaminophen|ibuprofen|xanax|opioids|insulin) (?:saved|saved up|stockpiled|stashed|hoarded|collected|hidden|ready|lined up|counted out)\\b`,
  ),
  rule(
    'plan-or-means',
    `\\b(?:saved|saving|save|stockpile|stockpiled|stockpiling|hoard|hoarding|hoarded|stash|stashed|stashing|collect|collecting|collected|counting|counted|gathered|gathering) (?:up )?(?:my |some |all |all my |enough |a lot of |lots of |the |a bunch of )?(?:pills|meds|medication|tablets|painkillers|sleeping pills|tylenol|paracetamol)\\b`,
  ),
  rule(
    'plan-or-means',
    `\\b(?:take|taking|took|swallow|swallowing|swallowed|down|downed|downing|chug|chugged|chugging|pop|popped|popping) (?:all|the whole|a whole|an entire|every|all of|the rest of|a handful of|handfuls of|a bunch of|too many|way too many|loads of|enough|all the|a bottle of|the bottle of|the entire|[1-9][0-9]+) ?(?:of )?(?:my |the |these |those |her |his )?(?:pills|meds|medication|tablets|bottle|painkillers|sleeping pills|tylenol|paracetamol|xanax|insulin)\\b`,
  ),
  rule(
    'plan-or-means',
    `\\benough (?:pills|meds|tablets|painkillers|sleeping pills|tylenol|paracetamol|insulin) to\\b`,
  ),
  rule('plan-or-means', `\\b(?:overdose|overdosing|overdosed|oded|od on|od tonight|to od)\\b`),
  rule(
    'plan-or-means',
    `\\b(?:jump|jumps|jumping|jumped|leap|leaping|throw myself|throwing myself) (?:off|from) (?:of )?(?:a |the |this |that |my |our )?(?:[a-z0-9]+ (?:floor|story|storey) )?(?:bridge|building|roof|rooftop|cliff|ledge|balcony|tower|overpass|parking garage|window|top floor|[a-z0-9]+ (?:floor|story|storey))\\b`,
  ),
  rule(
    'plan-or-means',
    `\\b(?:jump|jumps|jumping|jumped|leap|leaping|throw myself|throwing myself) (?:in front of|under|onto) (?:a |the |an )?(?:train|subway|metro|bus|car|truck|lorry|traffic|oncoming traffic|tracks|train tracks|highway|motorway)\\b`,
  ),
  rule('plan-or-means', `\\b(?:lie|lying|lay|laying) (?:down )?(?:on|across) (?:the )?(?:train )?tracks\\b`),
  rule(
    'plan-or-means',
    `\\b(?:step|steps|stepping|walk|walking|walked|lie|lying|lay|laying|run|running) (?:out )?(?:in front of|into|under|onto) (?:a |the )?(?:train|bus|car|truck|lorry|traffic|oncoming traffic|tracks|train tracks|subway|metro|highway|motorway)\\b`,
  ),
  rule(
    'plan-or-means',
    `\\b(?:drive|driving|drove|crash|crashing|crashed|steer|steering|swerve|swerving) (?:my car )?(?:into|off) (?:a |the )?(?:tree|wall|bridge|cliff|barrier|truck|lorry|oncoming traffic|traffic|river|lake|sea)\\b`,
  ),
  rule(
    'plan-or-means',
    `\\b(?:standing|sitting|stood|sat|i am|am) (?:on|at) (?:the |a )?(?:edge of (?:the |a )?(?:bridge|roof|building|cliff|platform)|ledge|bridge|roof|rooftop|railing|train tracks|tracks|cliff edge)\\b`,
  ),
  rule(
    'plan-or-means',
    `\\b(?:want|wants|going to|about to|ready|plan|planning|thinking about|need|decided) (?:to )?${FILL}jump(?:${END}| (?:off|from) (?:something|somewhere) (?:high|tall)| to my death)`,
  ),
  rule('plan-or-means', `\\b(?:noose|nooses)\\b`),
  rule(
    'plan-or-means',
    `\\b(?:bought|buy|buying|got|have|tied|tying|tie|hang|hanging|hung) (?:a |the |some )?rope (?:around|round|to|from|over|on|for myself|for me)\\b`,
  ),
  rule('plan-or-means', `\\brope (?:around|round) my neck\\b`),
  rule(
    'plan-or-means',
    `\\b(?:gun|pistol|revolver|barrel) (?:to|against|in) my (?:head|mouth|temple|chest)\\b`,
  ),
  rule('plan-or-means', `\\b(?:blow|blowing) my (?:own )?(?:brains|head) out\\b`),
  rule('plan-or-means', `\\bput a bullet (?:in|through) my\\b`),
  rule(
    'plan-or-means',
    `\\b(?:i|i have|i just) (?:bought|got|have|own|loaded|load|am loading|found) (?:a |my |the )?(?:gun|pistol|rifle|shotgun|noose|rope)\\b(?! (?:for (?:climbing|camping|hiking|sailing|the|my|a|our|work|class|school)|swing|ladder|course|license|licence))`,
  ),
  rule(
    'plan-or-means',
    `\\b(?:have|got|made|making|make) (?:a |the )?plan to (?:die|end it|kill myself|do it|end my life)\\b`,
  ),

  // --- immediate danger ------------------------------------------------------------------------------
  rule(
    'immediate-danger',
    `\\b${PERSON} ${AUX}${VIOLENCE} me\\b(?! (?:deeply|so much|emotionally|with (?:kindness|words|that|this|the)))`,
  ),
  rule(
    'immediate-danger',
    `\\b${PERSON} ${AUX}${THREAT} ${FILL}(?:kill|killed|murder|shoot|shot|stab|strangle|choke|hurt|hit|beat|rape|burn) me\\b(?! (?:if|when|once|after) (?:he|she|they|my [a-z]+) (?:finds? out|sees?|hears?|notices?|learns?|realizes?|realises?|catches|sees my))`,
  ),
  rule(
    'immediate-danger',
    `\\b(?:scared|afraid|terrified|frightened|worried|fear|fearing) (?:that )?${PERSON} (?:will|would|might|is going to|are going to|going to|could|may) ${FILL}(?:kill|hurt|hit|beat|rape|attack|shoot|stab|find) me\\b`,
  ),
  rule(
    'immediate-danger',
    `\\bi (?:am|was|have been|had been|keep getting|keep being|get|got|am still|am being|was being|am getting|have been getting|been|still get|just got|was just|was also|am also) (?:being |getting |been |also )?(?:hit|beaten|beat up|abused|raped|assaulted|sexually assaulted|molested|choked|strangled|stalked|threatened|attacked|trafficked|held captive|kidnapped|drugged|hurt by (?:him|her|them|my)|hurt at home)\\b(?! (?:by a ball|in (?:a |the )?game|by the news|by the realization|with|by (?:a|the) (?:wave|flu|cold|bill)))`,
  ),
  rule(
    'immediate-danger',
    `\\bi (?:was|have been|got|am being|was being|have been being) (?:raped|abused|molested|sexually assaulted|assaulted)\\b`,
  ),
  rule('immediate-danger', `\\bi (?:am|feel) (?:so |really |not )?(?:unsafe|in danger)\\b`),
  rule(
    'immediate-danger',
    `\\bi (?:am not|do not feel|never feel|no longer feel|do not|am no longer|feel) (?:feel |so |really |very )?(?:safe|unsafe)(?:${END}| (?:at home|here|anymore|any more|tonight|right now|in (?:my|this|the) (?:home|house|room|apartment|flat)|(?:around|with|near) (?:him|her|them|${PERSON_NOUN})|going home|to go home))`,
  ),
  rule(
    'immediate-danger',
    `\\b(?:unsafe|not safe|in danger) (?:at|in) (?:home|my (?:home|house|room|apartment|flat|own home))\\b`,
  ),
  rule('immediate-danger', `\\b(?:scared|afraid|fear|fearing|terrified|worried) for my (?:life|safety)\\b`),
  rule('immediate-danger', `\\bmy life is in danger\\b`),
  rule('immediate-danger', `\\b(?:threatening|threatened|threatens|stalking|stalked|stalks) me\\b`),
  rule(
    'immediate-danger',
    `\\b(?:afraid|scared|terrified|frightened) (?:to go|of going|to be at|to be|of being) (?:back )?home\\b`,
  ),
  rule(
    'immediate-danger',
    `\\b(?:someone|somebody|a stranger|a man|a guy|an intruder|intruders|he|they) (?:is |are |just )?(?:broke|breaking|trying to break|tried to break) (?:in|into)\\b`,
  ),
  rule(
    'immediate-danger',
    `\\b(?:someone|somebody|a stranger|a man|a guy|an intruder) (?:is|keeps|has been) (?:following|watching|stalking|outside) (?:me|my)\\b`,
  ),
  rule(
    'immediate-danger',
    `\\b(?:domestic (?:violence|abuse)|abusive (?:partner|relationship|husband|wife|boyfriend|girlfriend|parents?|dad|mom|father|mother|home))\\b`,
  ),
  rule(
    'immediate-danger',
    `\\b(?:will not|does not|do not) let me (?:leave${END}|leave the (?:house|room|apartment|flat)|escape|call (?:anyone|for help|the police|911|988|999)|out of (?:the|my|this) (?:house|room|apartment|flat|car))`,
  ),
  rule(
    'immediate-danger',
    `\\b(?:want|wants|going|about|urge|urges|might|will|scared i will|afraid i will|afraid i might|scared i might|thinking about|planning) (?:to )?(?:hurt|kill|stab|shoot|attack|strangle) (?:someone|somebody|people|everyone|him|her|them|my (?:kids?|children|baby|son|daughter|partner|wife|husband|family|mom|mum|dad|roommate|brother|sister))\\b(?! (?:with kindness|lol|lmao|haha|in (?:a|the) game|feelings|feeling|ego|chances|career|reputation|vibe|mood|buzz))`,
  ),
  rule('immediate-danger', `\\b(?:need|call|calling|get|send) (?:an |a )?(?:ambulance|the police|police)\\b`),
  rule(
    'immediate-danger',
    `\\b(?:need|i need) (?:help|someone) (?:right now|now|immediately|asap|urgently)${END}`,
  ),

  // --- slang and euphemisms ---------------------------------------------------------------------------
  rule('slang', `\\bkms+\\b`),
  rule('slang', `\\bkys\\b`, true),
  rule('slang', `\\bunaliv[a-z]*\\b`),
  rule(
    'slang',
    `\\b(?:sewer ?slide|sewer ?slid|sewer ?side|sewer ?cide|sooside|suey ?side|self ?(?:delete|deleting|deletion|terminate|termination|unalive|unaliving|destruct))\\b`,
  ),
  rule('slang', `\\bctb\\b`),
  rule(
    'slang',
    `\\b(?:toaster bath|commit (?:sudoku|seppuku|toaster bath|die|not alive)|neck myself|rope myself|kill self|game end myself|catch the bus forever)\\b`,
  ),
  rule('slang', `\\b(?:want|wants|going|about|ready|need|finna|gonna) (?:to )?rope${END}`),
  rule(
    'slang',
    `\\b(?:[a-z]*killmyself|[a-z]*kilmyself|[a-z]*endmylife|[a-z]*hangmyself|[a-z]*cutmyself|[a-z]*hurtmyself|[a-z]*wanttodie|[a-z]*iwanttodie|[a-z]*wannadie|[a-z]*kms)\\b`,
  ),

  // --- help-seeking: asking how to reach crisis help is itself a reason to show it -------------------
  rule(
    'help-seeking',
    `\\b(?:call|calling|called|text|texting|texted|ring|ringing|dial|dialing|dialling|dialed|contact|contacting|contacted|reach out to|reaching out to|reached out to|phone|phoning) (?:the |a )?(?:988|samaritans|crisis (?:line|hotline|text line|team)|suicide (?:line|hotline)|lifeline|emergency services|911|999|112|an ambulance)\\b`,
  ),
  rule(
    'help-seeking',
    `\\b(?:crisis (?:line|hotline|text line)|suicide (?:line|hotline|helpline)|helpline) (?:number|near me|for me)\\b`,
  ),
];

export { editDistance };

const NO_TIER: SafetyAssessment = Object.freeze({ tier: 'none' });

/** The safety check's tiered verdict (see `types.ts`). */
export function assessSafety(message: string): SafetyAssessment {
  const check = detectCrisis(message);
  return check.isCrisis ? { tier: 'crisis', about: 'self', signals: ['ideation'] } : NO_TIER;
}
