/**
 * Concepts: the many ways people name the same idea. Each concept becomes one extra index term
 * (`@name`) on both the article and the question side, so "shrink", "counsellor" and "my T" all meet
 * "therapist" without listing questions. Terms are matched on stems, phrases word by word.
 */
export interface Concept {
  readonly name: string;
  readonly terms: readonly string[];
}

// prettier-ignore
export const CONCEPTS: readonly Concept[] = [
  {
    name: 'therapist',
    terms: [
      'therapist', 'therapy', 'counselor', 'counsellor', 'counseling', 'counselling', 'shrink', 'psychologist',
      'psychiatrist', 'psych', 'psychotherapist', 'psychoanalyst', 'analyst', 'clinician', 'social worker',
      'mental health professional', 'mental health worker', 'my t', 'lcsw', 'lpc', 'mft', 'practitioner',
      'doctor of mind', 'head doctor', 'healthcare professional', 'prescriber', 'pros', 'mental health pro',
      'mental health pros', 'doc', 'the doc', 'my doc', 'therapeutic',
    ],
  },
  {
    name: 'unwell',
    terms: [
      'sick', 'ill', 'illness', 'unwell', 'under the weather', 'not feeling well', 'not well', 'not doing well',
      'not ok', 'not okay', 'not fine', 'burnout', 'burnt out', 'burned out', 'tired', 'exhausted', 'drained',
      'fatigued', 'rough', 'struggling', 'going through', 'hard time', 'bad day', 'depressed', 'stressed',
      'sad', 'crying', 'cried', 'upset', 'flu', 'cold', 'covid', 'fever', 'grieving', 'feeling bad',
      'feel bad', 'feeling down', 'hungover', 'distracted', 'crappy', 'awful', 'terrible', 'worn out', 'sniffles',
    ],
  },
  {
    name: 'romance',
    terms: [
      'confess', 'confession', 'like her', 'like him', 'like them', 'likes me', 'like me back', 'make a move', 'more than a client', 'more than just a client', 'single', 'my number', 'phone number', 'dinner', 'hitting on', 'hit on', 'hits on', 'wrong reasons', 'dress up', 'thinking about her', 'thinking about him', 'think about her', 'think about him', 'soulmate', 'kissing', 'hug', 'wedding', 'marriage',
      'crush', 'love', 'in love', 'attracted', 'attraction', 'attractive', 'romantic', 'romance',
      'feelings for', 'have feelings', 'catch feelings', 'catching feelings', 'developed feelings', 'these feelings', 'date', 'dating', 'ask out', 'asked out', 'flirt', 'flirting', 'kiss', 'marry',
      'cute', 'hot', 'sexy', 'fall for', 'fallen for', 'fell for', 'simp', 'simping', 'infatuated',
      'infatuation', 'boyfriend', 'girlfriend', 'sexual', 'desire', 'fancy',
    ],
  },
  {
    name: 'greeting',
    terms: [
      'how are you', 'how r u', 'how are u', 'how r you', 'hru', 'how you doing', 'how are you doing',
      'how is it going', 'hows it going', 'how have you been', 'whats up', 'sup', 'wassup', 'how was your day',
      'how was your week', 'how was your weekend', 'greeting', 'greet', 'say hi', 'say hello', 'small talk',
      'how is she', 'how is he', 'how are they', 'how she is', 'how he is', 'how they are', 'how she doing',
      'how he doing', 'how they doing', 'how she feels', 'how he feels', 'how they feel', 'how she feel',
      'how he feel', 'how they re doing', 'hows she doing', 'wyd', 'how u doing', 'how ya doing',
    ],
  },
  {
    name: 'gist',
    terms: [
      'verdict', 'in the end', 'end of the day', 'final answer', 'main message', 'what is this', 'what subject', 'topic', 'what do you know', 'what can you do', 'what are you', 'what does this bot', 'this article', 'the article', 'this bot',
      'tldr', 'tl dr', 'summary', 'summarize', 'summarise', 'sum up', 'sum it up', 'gist', 'overview', 'recap',
      'main point', 'main points', 'key point', 'key points', 'takeaway', 'takeaways', 'in short',
      'bottom line', 'short version', 'in a nutshell', 'conclusion', 'whole article', 'article about',
    ],
  },
  {
    name: 'ask',
    terms: [
      'ask', 'inquire', 'enquire', 'inquiry', 'enquiry', 'check in', 'check on', 'wonder', 'curious',
    ],
  },
  {
    name: 'wellbeing',
    terms: [
      'wellbeing', 'well being', 'welfare', 'wellness', 'health', 'mental health', 'how they are', 'mood',
      'feeling', 'doing', 'okay', 'ok', 'fine', 'alright', 'holding up', 'how they feel', 'how she feels',
      'how he feels',
    ],
  },
  {
    name: 'personal',
    terms: [
      'private world', 'details', 'her life', 'his life', 'their life', 'own life', 'own problems', 'about themselves', 'overshare', 'oversharing', 'overshares', 'closed book', 'their problems', 'her problems', 'his problems', 'who they are', 'who she is', 'who he is', 'real person', 'bad days', 'human', 'humans', 'person',
      'personal', 'private', 'privacy', 'personal life', 'life', 'family', 'kids', 'children', 'married',
      'husband', 'wife', 'partner', 'weekend', 'vacation', 'holiday', 'hobbies', 'hobby', 'age', 'background',
      'themselves', 'herself', 'himself', 'disclose', 'disclosure', 'self disclosure', 'share', 'sharing',
      'open up', 'opens up', 'overshare', 'secret', 'secretive', 'mysterious', 'about them', 'about her',
      'about him', 'outside of therapy', 'outside therapy',
    ],
  },
  {
    name: 'boundary',
    terms: [
      'overstep', 'overstepping', 'nosy', 'prying', 'pry', 'too far', 'ruin', 'backfire', 'my place', 'none of my business', 'business', 'weird', 'creepy', 'awkward',
      'boundary', 'boundaries', 'line', 'cross the line', 'crossing a line', 'limit', 'limits', 'rules',
      'ethics', 'ethical', 'guideline', 'guidelines', 'norms', 'professional', 'professionalism', 'distance',
      'appropriate', 'inappropriate', 'allowed', 'acceptable', 'proper', 'unprofessional', 'code of conduct',
    ],
  },
  {
    name: 'friend',
    terms: [
      'discord', 'add on', 'text', 'texting', 'outside sessions', 'outside of sessions', 'hang', 'coffee', 'invite', 'number', 'snapchat', 'dm',
      'friend', 'friends', 'friendship', 'buddy', 'bestie', 'hang out', 'socialize', 'grab coffee',
      'social media', 'instagram', 'facebook', 'follow', 'bff', 'pal',
    ],
  },
  {
    name: 'cancel',
    terms: [
      'cancel', 'cancelled', 'canceled', 'reschedule', 'rescheduled', 'postpone', 'postponed', 'call off',
      'called off', 'move the session', 'skip', 'no show', 'called in sick',
    ],
  },
  {
    name: 'medication',
    terms: [
      'prescription', 'prescriptions', 'prescribe', 'prescribing', 'meds', 'medication', 'medicine',
      'adderall', 'ritalin', 'stimulant', 'stimulants', 'adhd', 'dose', 'dosage', 'refill', 'script for',
    ],
  },
  {
    name: 'fitness-to-work',
    terms: [
      'example', 'real issue', 'serious', 'seriously', 'pre session',
      'fit to work', 'fit state', 'fit', 'capable', 'impaired', 'drunk', 'competent', 'able to work',
      'safe to work', 'in no state', 'in a state', 'check before', 'pre session check', 'precaution',
      'precautions', 'safety', 'dangerous', 'mistake', 'mistakes',
    ],
  },
  {
    name: 'script',
    terms: [
      'script', 'scripted', 'go to line', 'memorized', 'memorised', 'rehearsed', 'canned', 'stock answer',
      'standard answer', 'same answer', 'every time', 'always says', 'always say', 'says the same', 'autopilot',
      'good thanks', 'well thanks', 'fine thanks', 'how about you', 'what about you', 'and you', 'so how are you',
      'dodge', 'dodges', 'avoid', 'avoids', 'vague', 'react', 'respond', 'response', 'reply', 'answer',
    ],
  },
  {
    name: 'client-focus',
    terms: [
      'whose needs', 'my needs', 'one sided', 'my stuff', 'about my',
      'focus', 'centered', 'centred', 'about me', 'my time', 'my session', 'my hour', 'change the subject',
      'changes the subject', 'redirect', 'redirects', 'brush off', 'brushes off', 'brushed off', 'dismiss',
      'dismissed', 'deflect', 'deflects', 'turn it back', 'turns it back', 'back to me', 'my problems',
      'my issues', 'my concerns',
    ],
  },
  {
    name: 'attachment',
    terms: [
      'attached', 'attachment', 'dependent', 'dependency', 'obsessed', 'obsession', 'clingy', 'too close',
      'too personal', 'unwanted', 'discouraged', 'transference',
    ],
  },
];
