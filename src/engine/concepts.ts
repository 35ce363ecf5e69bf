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
      'doctor of mind', 'head doctor', 'healthcare professional',
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
      'crush', 'love', 'in love', 'attracted', 'attraction', 'attractive', 'romantic', 'romance', 'feelings',
      'catching feelings', 'date', 'dating', 'ask out', 'asked out', 'flirt', 'flirting', 'kiss', 'marry',
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
      'feeling', 'feelings', 'doing', 'okay', 'ok', 'fine', 'alright', 'holding up',
    ],
  },
  {
    name: 'personal',
    terms: [
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
      'boundary', 'boundaries', 'line', 'cross the line', 'crossing a line', 'limit', 'limits', 'rules',
      'ethics', 'ethical', 'guideline', 'guidelines', 'norms', 'professional', 'professionalism', 'distance',
      'appropriate', 'inappropriate', 'allowed', 'acceptable', 'proper', 'unprofessional', 'code of conduct',
    ],
  },
  {
    name: 'friend',
    terms: [
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
      'fit to work', 'fit state', 'fit', 'capable', 'impaired', 'drunk', 'competent', 'able to work',
      'safe to work', 'in no state', 'in a state', 'check before', 'pre session check', 'precaution',
      'precautions', 'safety', 'dangerous', 'mistake', 'mistakes',
    ],
  },
  {
    name: 'client-focus',
    terms: [
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
