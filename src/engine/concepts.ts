/**
 * Concepts: the many ways people name the same idea. Each concept becomes one extra index term
 * (`@name`) on both the article and the question side, so "shrink", "counsellor" and "my T" all meet
 * "therapist" without listing questions. Terms are matched on stems, phrases word by word; a word whose
 * stem collapses into an everyday word ("canned" → "can") must be written as listed.
 *
 * Groups are by idea, not by question: an entry belongs here when any client could use it for the idea,
 * whatever the wording of a particular question. Single words that mean different things in everyday
 * chat ("line", "single", "hot", "ok") only appear inside phrases that pin the meaning down.
 */
export interface Concept {
  readonly name: string;
  readonly terms: readonly string[];
}

// prettier-ignore
export const CONCEPTS: readonly Concept[] = [
  {
    // Every name for the person the article is about. Also the anchor: a question about this article
    // names a therapist (or the article itself).
    name: 'therapist',
    terms: [
      'the woman i see', 'the lady i see', 'the man i see', 'the guy i see', 'the person i see', 'who i see', 'the woman i talk to', 'the lady i talk to',
      'ur t', 'your t', 'the t',
      'therapist', 'therapy', 'counselor', 'counsellor', 'counseling', 'counselling', 'shrink', 'psychologist',
      'psychiatrist', 'psych', 'psychotherapist', 'psychoanalyst', 'analyst', 'clinician', 'social worker',
      'mental health professional', 'mental health worker', 'mental health provider', 'my t', 'lcsw', 'lpc',
      'mft', 'practitioner', 'doctor of mind', 'head doctor', 'healthcare professional', 'prescriber',
      'mental health pro', 'mental health pros', 'my doc', 'the doc', 'therapeutic', 'psychotherapy',
      'care provider', 'my provider', 'writes my prescriptions', 'writing my prescriptions',
      'prescribes my', 'who prescribes', 'prescribing doctor', 'counsellors', 'therapists', 'psychiatrists', 'psychologists',
    ],
  },
  {
    // The setting of therapy. Like a therapist's name, it tells that a question is about therapy without
    // saying what about it.
    name: 'therapy-context',
    terms: [
      'whole hour', 'the hour', 'taking up the',
      'session', 'sessions', 'appointment', 'appointments', 'client', 'clients', 'patient', 'patients',
      'treatment', 'therapeutic relationship', 'therapy session', 'therapy sessions',
    ],
  },
  {
    // The therapist is ill, low or going through something.
    name: 'unwell',
    terms: [
      'sick', 'ill', 'illness', 'unwell', 'under the weather', 'not feeling well', 'not well', 'not doing well',
      'not feeling good', 'not ok', 'not okay', 'not fine', 'not alright', 'not themselves', 'not herself',
      'not himself', 'burnout', 'burnt out', 'burned out', 'tired', 'exhausted', 'drained', 'fatigued',
      'rough time', 'rough day', 'rough week', 'struggling', 'going through', 'hard time', 'bad day',
      'depressed', 'stressed', 'sad', 'crying', 'cried', 'upset', 'flu', 'a cold', 'covid', 'fever', 'cough',
      'coughing', 'sore throat', 'raspy', 'headache', 'migraine', 'grieving', 'grief', 'feeling bad',
      'feeling down', 'seems down', 'seemed down', 'hungover', 'crummy', 'crappy', 'awful', 'terrible',
      'worn out', 'sniffles', 'low energy', 'seemed off', 'seems off', 'out of sorts', 'divorce', 'injured',
      'in pain', 'hospital', 'surgery', 'breakdown', 'overwhelmed', 'unhealthy', 'health issues',
      'health problems', 'passed away', 'bereavement',
    ],
  },
  {
    // Romantic or sexual interest in the therapist.
    name: 'romance',
    terms: [
      'liking them', 'liking her', 'liking him', 'a client liking', 'into my therapist', 'into my counselor', 'into my counsellor', 'into my psych', 'into my t', 'into my shrink', 'asked her * out', 'ask her * out', 'asked his * out', 'ask his * out', 'asked their * out',
      'ask my * out', 'asked my * out', 'ask * out', 'asked * out', 'a thing for', 'thing for her', 'thing for him', 'thing for them', 'have a thing', 'like like', 'turned me down', 'rejected me', 'said no',
      'crush', 'crushing', 'love', 'in love', 'attracted', 'attraction', 'attractive', 'romantic', 'romance',
      'romantically', 'feelings for', 'have feelings for', 'had feelings for', 'love feelings', 'catch feelings',
      'catching feelings', 'developed feelings', 'these feelings', 'my feelings', 'date', 'dating', 'ask out',
      'asked out', 'ask her out', 'ask him out', 'ask them out', 'flirt', 'flirting', 'kiss', 'kissing',
      'marry', 'wedding', 'cute', 'sexy', 'handsome', 'beautiful', 'gorgeous', 'fall for', 'falling for',
      'fallen for', 'fell for', 'simp', 'simping', 'infatuated', 'infatuation', 'boyfriend', 'girlfriend',
      'sexual', 'desire', 'fancy', 'confess', 'confession', 'like her', 'like him', 'likes me', 'like me back',
      'make a move', 'more than a client', 'more than just a client', 'is he single', 'is she single',
      'he single', 'she single', 'my number', 'phone number', 'dinner', 'hitting on', 'hit on', 'hits on',
      'wrong reasons', 'dress up', 'thinking about her', 'thinking about him', 'think about her',
      'think about him', 'soulmate', 'hug', 'relationship with my therapist', 'be together', 'butterflies',
    ],
  },
  {
    // Saying "how are you" and other everyday openers.
    name: 'greeting',
    terms: [
      'how are you', 'how r u', 'how are u', 'how r you', 'hru', 'how you doing', 'how are you doing',
      'how is it going', 'hows it going', 'how it going', 'how have you been', 'how you been', 'whats up',
      'sup', 'wassup', 'wyd', 'how u doing', 'how ya doing', 'how was your day', 'how was your week',
      'how was your weekend', 'how is your day', 'how her day', 'how his day', 'how their day', 'her day',
      'his day', 'her week', 'his week', 'her weekend', 'his weekend', 'greeting', 'greet', 'say hi',
      'say hello', 'small talk', 'chit chat', 'chitchat', 'pleasantries', 'how is she', 'how is he',
      'how are they', 'how she is', 'how he is', 'how they are', 'how she doing', 'how he doing',
      'how they doing', 'how she feels', 'how he feels', 'how they feel', 'how she feel', 'how he feel',
      'how they re doing', 'hows she doing', 'how she was', 'how he was', 'how they were', 'opened with',
      'open with', 'walk in', 'start of the session', 'beginning of the session', 'before we start',
    ],
  },
  {
    // Kindness towards the therapist: caring, thanking, sympathy.
    name: 'care',
    terms: [
      'flowers', 'present', 'presents', 'a gift', 'gifts', 'brought her', 'brought him', 'bring her', 'bring him',
      'i care', 'show care', 'show i care', 'that i care', 'care about her', 'care about him', 'care about them',
      'care about my therapist', 'care for her', 'care for him', 'caring', 'concern', 'concerned', 'genuine', 'genuinely', 'be nice', 'being nice', 'be kind',
      'something kind', 'something nice', 'kindness', 'polite', 'politely', 'rude', 'courtesy', 'courteous',
      'thoughtful', 'appreciate', 'appreciation', 'grateful', 'gratitude', 'say thanks', 'thank her',
      'thank him', 'thank them', 'sympathy', 'sympathize', 'empathy', 'condolences', 'compassion', 'support her',
      'support him', 'card', 'gift', 'respectful', 'considerate', 'check on', 'checking on',
      'checked on', 'worry about her',
      'worry about him', 'worried about her', 'worried about him',
    ],
  },
  {
    // The article's summary or verdict: what to take away from it.
    name: 'gist',
    terms: [
      'verdict', 'in the end', 'end of the day', 'final answer', 'main message', 'tldr', 'tl dr', 'too long',
      'didnt read', 'summary', 'summarize', 'summarise', 'sum up', 'sum it up', 'gist', 'recap', 'main point',
      'main points', 'key point', 'key points', 'takeaway', 'takeaways', 'take away', 'in short', 'bottom line',
      'short version', 'in a nutshell', 'conclusion', 'conclude', 'concludes', 'remember from',
      'should i remember', 'remember one thing', 'main lesson', 'key lesson', 'wrap up', 'wrap it up', 'overall',
      'from all this', 'so basically', 'basically',
    ],
  },
  {
    // The article itself: what it is about, the question it asks.
    name: 'article-topic',
    terms: [
      'what subject', 'main topic', 'what topic', 'the topic of', 'its topic', 'what do you know',
      'what can you do', 'what are you', 'what does this bot', 'this article', 'the article', 'this bot',
      'overview', 'whole article', 'article about', 'what is this about', 'what is this thing',
      'what this is about', 'whats this about', 'what is this article', 'what question', 'which question',
      'main question', 'trying to answer', 'question the article', 'asks at the start', 'at the very start',
      'at the start', 'the beginning', 'intro', 'introduction', 'is this the thing about', 'this page',
      'page about', 'this post', 'post about', 'this text', 'this doc', 'this piece', 'what is this',
      'whats this',
    ],
  },
  {
    name: 'ask',
    terms: [
      'ask', 'inquire', 'enquire', 'inquiry', 'enquiry', 'check in', 'check on', 'curious', 'quiz', 'quizzing',
      'question her', 'question him', 'question them', 'bring up', 'bringing up', 'ask about',
    ],
  },
  {
    // How the therapist is: their well-being, health, mood.
    name: 'wellbeing',
    terms: [
      'wellbeing', 'well being', 'welfare', 'wellness', 'health', 'mental health', 'mood', 'holding up',
      'how they are', 'how they feel', 'how she feels', 'how he feels', 'is ok', 'is okay', 'is alright',
      'is fine', 'is doing', 'are ok', 'are okay', 'are doing', 'she ok', 'he ok', 'they ok', 'she okay',
      'he okay', 'they okay', 'you ok', 'you okay', 'is well', 'are well', 'feeling', 'feelings',
      'how she is doing', 'how he is doing', 'doing ok', 'doing okay', 'how * is doing', 'how * * is doing',
      'how * is * doing', 'how * * is * doing', 'how * are doing', 'how * * are doing', 'how * is feeling',
      'how * * is feeling', 'how * feels', 'how * * feels', 'if * is ok', 'if * * is ok', 'if * is okay',
      'if * * is okay', 'if * is alright', 'if * * is alright',
    ],
  },
  {
    // Therapists are people with their own lives and troubles.
    name: 'human',
    terms: [
      'have feelings too', 'feelings too', 'emotions too', 'have emotions', 'own feelings', 'their feelings', 'human too', 'humans too',
      'human', 'humans', 'human being', 'real person', 'a person', 'people too', 'person too', 'bad days',
      'own problems', 'own struggles', 'own challenges', 'own issues', 'own stuff', 'own life', 'own well being',
      'own wellbeing', 'struggles', 'challenges', 'immune', 'superhuman', 'robot', 'robots', 'problems too',
      'issues too', 'struggle too', 'perfect', 'normal people', 'like the rest of us', 'like us',
    ],
  },
  {
    // The therapist's personal life and information.
    name: 'personal',
    terms: [
      'personal', 'personal life', 'personal stuff', 'personal info', 'personal information', 'personal details',
      'personal question', 'personal questions', 'private life', 'private world', 'details', 'her life',
      'his life', 'their life', 'their lives', 'about themselves', 'about herself', 'about himself',
      'themselves', 'herself', 'himself', 'her problems', 'his problems', 'their problems', 'who they are',
      'who she is', 'who he is', 'family', 'kids', 'children', 'married', 'marriage', 'husband', 'wife',
      'partner', 'weekend', 'vacation', 'holiday', 'hobbies', 'hobby', 'age', 'background', 'where she lives',
      'where he lives', 'about them', 'about her', 'about him', 'outside of therapy', 'outside therapy',
    ],
  },
  {
    // Keeping quiet about oneself: not sharing, dodging, a closed book.
    name: 'withhold',
    terms: [
      'avoid sharing', 'avoids sharing', 'avoid talking', 'avoids talking', 'avoid the question',
      'avoids the question', 'avoid answering', 'avoids answering', 'dodge', 'dodges', 'dodging', 'evade',
      'evades', 'evasive', 'vague', 'shut down', 'shuts down', 'shuts it down', 'shut it down', 'not say',
      'not tell', 'not telling', 'not share', 'not sharing', 'not talk', 'not open up', 'never say',
      'never says', 'never share', 'never shares', 'never talk', 'never talks', 'never tell', 'never tells',
      'never open up', 'never opens up', 'keep to themselves', 'keeps to herself', 'keeps to himself',
      'to themselves', 'hiding', 'hide', 'hides', 'secret', 'secretive', 'closed book', 'private', 'privacy',
      'mysterious', 'tight lipped', 'guarded', 'reserved', 'disclose', 'disclosure', 'self disclosure',
      'share', 'shares', 'sharing', 'open up', 'opens up', 'overshare', 'overshares', 'oversharing',
    ],
  },
  {
    // What the therapist says back when asked.
    name: 'response',
    terms: [
      'answer', 'answers', 'reply', 'replies', 'respond', 'responds', 'response', 'say back', 'says back',
      'what will she say', 'what will he say', 'what would she say', 'what would he say', 'what do they say',
      'they say', 'she say', 'he say', 'she said', 'he said', 'they said', 'say if', 'say when',
      'says when', 'usually say', 'probably say', 'typically say',
    ],
  },
  {
    // A ready-made reply: the same friendly line every time.
    name: 'script',
    terms: [
      'script', 'scripted', 'go to line', 'same line', 'prepared line', 'a line', 'memorized', 'memorised',
      'rehearsed', 'canned', 'stock answer', 'standard answer', 'standard reply', 'same answer', 'same reply',
      'same thing', 'exact same', 'word for word', 'every time', 'every single time', 'always says', 'always say', 'says the same', 'autopilot', 'robotic',
      'automatic', 'prepared', 'ready made', 'trained to say', 'good thanks', 'well thanks', 'fine thanks',
      'great thanks', 'im good', 'im fine', 'im well', 'doing well', 'doing good', 'doing great',
      'how about you', 'what about you', 'and you', 'so how are you', 'up with you', 'going on with you',
      'positive answer', 'positive response', 'positive', 'friendly', 'upbeat', 'cheerful', 'chatty',
      'just saying that',
    ],
  },
  {
    // Sessions are about the client: the therapist turns the talk back and keeps it brief.
    name: 'client-focus',
    terms: [
      'about the client', 'about the patient', 'on the client', 'on the patient', 'client centered', 'patient centered', 'talk about me', 'talks about me', 'about me never',
      'change topic', 'changes topic', 'changed topic', 'change the topic', 'changes the topic', 'changed the topic', 'switch topic', 'switches topic', 'switched topic',
      'talk about myself', 'talking about myself', 'about myself', 'selfish', 'all about me', 'only talk about me',
      'whose needs', 'my needs', 'one sided', 'my stuff', 'focus', 'centered', 'centred', 'about me',
      'only about me', 'my time', 'my session', 'my hour', 'session time', 'my problems', 'my issues',
      'my concerns', 'change the subject', 'changes the subject', 'changed the subject', 'redirect',
      'redirects', 'steer', 'steers', 'steering', 'brush off', 'brushes off', 'brushed off', 'brush me off',
      'brushing me off', 'brushed me off', 'blow off', 'blew me off', 'dismiss', 'dismissed', 'dismisses',
      'deflect', 'deflects', 'deflected', 'turn it back', 'turns it back', 'back to me', 'moved on',
      'moves on', 'move on', 'brief', 'briefly', 'short answer', 'quick answer', 'real quick', 'quickly',
      'one word', 'two words', 'curt',
    ],
  },
  {
    // Norms and limits of the relationship; stepping over them.
    name: 'boundary',
    terms: [
      'boundary', 'boundaries', 'cross the line', 'crossing the line', 'crossing a line', 'cross a line',
      'over the line', 'out of line', 'overstep', 'oversteps', 'overstepping', 'nosy', 'prying', 'pry',
      'too far', 'too much', 'my place', 'my business', 'none of my business', 'limit', 'limits', 'rules', 'rule', 'ethics',
      'ethical', 'guideline', 'guidelines', 'norms', 'professional', 'professionalism', 'unprofessional',
      'distance', 'code of conduct', 'inappropriate', 'intrusive', 'invasive',
    ],
  },
  {
    // "Is it okay?": asking permission or whether something is normal.
    name: 'permission',
    terms: [
      'appropriate', 'allowed', 'acceptable', 'ok to', 'okay to', 'alright to', 'fine to', 'proper',
      'is it ok', 'is it okay', 'ok or', 'okay or', 'weird', 'awkward', 'wrong', 'bad idea', 'is that bad',
      'is it bad', 'permitted', 'can i ask', 'am i allowed',
    ],
  },
  {
    // Being objective: bias, neutrality.
    name: 'objectivity',
    terms: ['biased', 'bias', 'unbiased', 'objective', 'objectivity', 'impartial', 'neutral', 'neutrality', 'clouded'],
  },
  {
    // Knowing or finding out a lot about the therapist.
    name: 'knowing',
    terms: [
      'know everything', 'everything about', 'all about her', 'all about him', 'all about them', 'told me about her', 'told me about his', 'tells me about her', 'tells me about his', 'talks about her', 'talks about his', 'told me her', 'told me his',
      'know about', 'knowing about', 'know much', 'know a lot', 'know too much', 'knowing too much',
      'knowing heaps', 'know heaps', 'know more', 'learn about', 'learn much', 'learning about', 'find out',
      'found out', 'dig', 'digging', 'google', 'googled', 'stalk', 'stalking', 'look up', 'looked up',
      'know or learn',
    ],
  },
  {
    // What can go wrong.
    name: 'harm',
    terms: [
      'risk', 'risks', 'risky', 'danger', 'dangerous', 'harm', 'harmful', 'hurt', 'damage', 'ruin', 'ruins',
      'jeopardize', 'jeopardise', 'jeopardizing', 'backfire', 'go wrong', 'goes wrong', 'downside',
      'downsides', 'consequences', 'mess up', 'negative impact', 'bad for',
    ],
  },
  {
    // Being friends or in touch outside sessions.
    name: 'friend',
    terms: [
      'friend', 'friends', 'friendship', 'befriend', 'buddy', 'bestie', 'bff', 'pal', 'hang out', 'hangout',
      'socialize', 'grab coffee', 'coffee', 'drinks', 'lunch', 'party', 'meet up', 'invite', 'social media',
      'instagram', 'insta', 'facebook', 'tiktok', 'twitter', 'snapchat', 'linkedin', 'whatsapp', 'discord',
      'friend request', 'add on', 'add her', 'add him', 'follow her', 'follow him', 'follow them',
      'follow my therapist', 'texting', 'outside sessions', 'outside of sessions', 'after therapy',
      'after sessions', 'done with sessions',
    ],
  },
  {
    // The session is moved or called off.
    name: 'cancel',
    terms: [
      'cancel', 'cancels', 'cancelled', 'canceled', 'cancelling', 'canceling', 'reschedule', 'reschedules',
      'rescheduled', 'rescheduling', 'postpone', 'postponed', 'call off', 'called off', 'move the session',
      'moved the session', 'moved our', 'move our', 'moved my', 'bumped', 'bump', 'pushed', 'push back',
      'skip', 'no show', 'called in sick', 'sick day', 'day off', 'time off', 'still see me', 'still do sessions',
      'still work', 'push through', 'come in sick', 'work sick',
    ],
  },
  {
    name: 'medication',
    terms: [
      'prescription', 'prescriptions', 'prescribe', 'prescribes', 'prescribing', 'meds', 'medication',
      'medications', 'medicine', 'adderall', 'ritalin', 'stimulant', 'stimulants', 'adhd', 'dose', 'dosage',
      'refill', 'script for', 'pills',
    ],
  },
  {
    // Whether the professional is fit to practise; the article's example and its precautions.
    name: 'fitness-to-work',
    terms: [
      'example', 'examples', 'instance', 'real issue', 'serious', 'seriously', 'pre session', 'fit to work',
      'fit state', 'fit for work', 'fitness', 'fit', 'capable', 'impaired', 'drunk', 'high', 'sober',
      'competent', 'able to work', 'ok to work', 'okay to work', 'safe to work', 'in no state', 'in a state',
      'check before', 'checked', 'get checked', 'gets checked', 'screened', 'screening', 'pre session check',
      'precaution', 'precautions', 'safety', 'safe', 'mistake', 'mistakes', 'out of it', 'scattered',
    ],
  },
  {
    // Following what the therapist sets out.
    name: 'adhere',
    terms: [
      'adhere', 'follow the rules', 'follow rules', 'follow the guidelines', 'follow guidelines',
      'stick to', 'comply', 'obey', 'lays down', 'lay down', 'set by', 'sets out', 'rules my therapist',
      'expected to follow', 'supposed to follow',
    ],
  },
  {
    // A client getting too close or dependent.
    name: 'attachment',
    terms: [
      'attached', 'attachment', 'attachments', 'dependent', 'dependency', 'obsessed', 'obsession', 'clingy',
      'too close', 'get close', 'getting close', 'get personal', 'getting personal', 'gets personal', 'close to', 'too personal', 'unwanted', 'discourage',
      'discouraged', 'transference', 'fixated',
    ],
  },
  {
    // Therapy topics the article does not cover: money, finding or changing a therapist, kinds of therapy,
    // diagnoses and medicines, confidentiality, how long it takes. A question about these is not answered
    // by a passage that merely shares a word with it.
    name: 'out-of-scope',
    terms: [
      'insurance', 'insured', 'cost', 'costs', 'price', 'pricing', 'afford', 'affordable', 'expensive', 'cheap',
      'cheaper', 'copay', 'co pay', 'sliding scale', 'medicaid', 'medicare', 'fee', 'fees', 'pay for', 'money',
      'find a therapist', 'find a good therapist', 'finding a therapist', 'new therapist', 'switch therapists',
      'switch therapist', 'switching therapists', 'change therapists', 'changing therapists', 'fire my therapist',
      'start therapy', 'starting therapy', 'need therapy', 'go to therapy', 'become a therapist',
      'become a psychologist', 'become a counselor', 'become a psychiatrist', 'degree', 'license', 'licensed',
      'cbt', 'dbt', 'emdr', 'cognitive behavioral', 'behavioural therapy', 'behavioral therapy', 'talk therapy',
      'group therapy', 'couples therapy', 'family therapy', 'online therapy', 'betterhelp', 'talkspace',
      'video call', 'video calls', 'over text', 'in person', 'side effect', 'side effects',
      'sertraline', 'zoloft', 'lexapro', 'prozac', 'wellbutrin', 'ssri', 'ssris', 'antidepressant',
      'antidepressants', 'diagnosis', 'diagnose', 'diagnosed', 'symptoms', 'symptom', 'disorder', 'bpd', 'gad',
      'ocd', 'ptsd', 'bipolar', 'autism', 'confidential', 'confidentiality', 'mandated reporter', 'how long does therapy',
      'how many sessions', 'how often should', 'cry in', 'crying in', 'panic attack', 'panic attacks',
      'breathing exercise', 'breathing exercises', 'meditation', 'journaling', 'homework from',
    ],
  },
];
