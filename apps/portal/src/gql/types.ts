export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant in time: ISO 8601 with an offset (answers are in UTC, e.g. 2026-12-01T09:00:00.000Z). */
  DateTime: { input: string; output: string; }
  /** A JSON value. */
  JSON: { input: unknown; output: unknown; }
};

/** Accepting an invitation: the token from its link and a password of your own. */
export type AcceptInvitationInput = {
  /** The name to show; the invitation suggests one. */
  displayName?: InputMaybe<Scalars['String']['input']>;
  /** The password to sign in with from now on: 12 to 256 characters, and not a common one or one close to your name or email. */
  password: Scalars['String']['input'];
  /** The token from the invitation link. */
  token: Scalars['String']['input'];
};

/** Which way the client’s check-in scores are moving (null with fewer than two check-ins). */
export type AllianceDirection =
  /** The latest overall score is at least one point below the average of the three before it. */
  | 'DOWN'
  /** Within a point of that average. */
  | 'STEADY'
  /** The latest overall score is at least one point above the average of the three before it. */
  | 'UP';

/** Where an article stands. */
export type ArticleStatus =
  /** Withdrawn from the public site. */
  | 'ARCHIVED'
  /** Being written; only its editors see it. */
  | 'DRAFT'
  /** Public. */
  | 'PUBLISHED'
  /** Will be published at `publishedAt`. */
  | 'SCHEDULED';

/** Which clients of the caseload to list. */
export type CaseloadFilter =
  /** Every client in an active care relationship. */
  | 'ALL'
  /** Clients with at least one flag. */
  | 'FLAGGED'
  /** Clients with nothing booked. */
  | 'NO_UPCOMING_SESSION'
  /** Clients with shared reflections the therapist has not read. */
  | 'UNREAD_REFLECTIONS';

/** The order of the caseload. */
export type CaseloadSort =
  /** Clients with the most flags first. */
  | 'ATTENTION'
  /** By when you last met. */
  | 'LAST_SESSION'
  /** By the client’s name. */
  | 'NAME'
  /** Soonest next session first. */
  | 'NEXT_SESSION';

/** How the person would like the practice to reach them. */
export type ContactPreference =
  /** By email. */
  | 'EMAIL'
  /** By phone; a phone number is then needed. */
  | 'PHONE';

/** A new personal API token: its name, its scopes and how long it lasts. */
export type CreateApiTokenInput = {
  /** Days until the token stops working (1–365); 90 when left out or null. */
  expiresInDays?: InputMaybe<Scalars['Int']['input']>;
  /** A name to recognise it by, like "Weekly report" (1 to 100 characters). */
  name: Scalars['String']['input'];
  /** At least one scope, each `<area>:read` or `<area>:write`; areas: account, caseload, sessions, reflections, checkins, measures, notes, content, and fhir (`fhir:read` only: the read-only FHIR R4 routes under /fhir/R4). `notes` (private session notes) is never implied by another area. */
  scopes: Array<Scalars['String']['input']>;
};

/** A new article. It starts as a draft; the slug is made from the title unless you give one. */
export type CreateArticleInput = {
  /** An admin or a therapist to name as the author; you, when left out. */
  authorId?: InputMaybe<Scalars['ID']['input']>;
  /** Markdown; rendered to sanitized HTML when saved. */
  bodyMarkdown: Scalars['String']['input'];
  /** What the cover image shows. Required with an image. */
  coverImageAlt?: InputMaybe<Scalars['String']['input']>;
  /** An https address of a cover image. */
  coverImageUrl?: InputMaybe<Scalars['String']['input']>;
  /** At most 300 characters; the summary stands in when empty. */
  seoDescription?: InputMaybe<Scalars['String']['input']>;
  /** At most 70 characters; the title stands in when empty. */
  seoTitle?: InputMaybe<Scalars['String']['input']>;
  /** The readable address, like what-to-expect. Made from the title when left out. */
  slug?: InputMaybe<Scalars['String']['input']>;
  /** A short summary for lists and link previews, up to 500 characters. */
  summary: Scalars['String']['input'];
  /** Lowercase words joined by hyphens, like starting-therapy. At most 10. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The title, up to 200 characters. */
  title: Scalars['String']['input'];
};

/** Where a request for a first conversation stands. */
export type FirstConversationRequestStatus =
  /** Someone got back to them. */
  | 'HANDLED'
  /** Waiting for someone to get back to them. */
  | 'NEW';

/** What a caseload flag is about. */
export type FlagKind =
  /** The latest check-in needs attention (low or falling scores) and has not been acknowledged. */
  | 'ALLIANCE'
  /** A check-in comment is waiting for the therapist to read it. */
  | 'COMMENT_WAITING'
  /** The client used to share reflections and has shared none in the last 30 days. */
  | 'GONE_QUIET'
  /** It has been more than 21 days since the last session (or since care began). */
  | 'LONG_GAP'
  /** The last two sessions were cancelled or missed. */
  | 'MISSED_SESSIONS'
  /** A measure’s totals in this care relationship span at least 12 weeks, started above the minimal band, and the latest has not fallen from the first by the reliable-change amount. `Flag.measure` says which. */
  | 'NOT_IMPROVING'
  /** Nothing is booked. */
  | 'NO_UPCOMING_SESSION'
  /** A measure’s latest total in this care relationship is above its first by at least the reliable-change amount (PHQ-9: 6, GAD-7: 4). `Flag.measure` says which. */
  | 'SYMPTOMS_WORSENING';

/** Who to invite. The invitation link goes to their email and works once, for 7 days. */
export type InviteUserInput = {
  /** The name to suggest for them (1 to 100 characters); they may change it when they accept. */
  displayName: Scalars['String']['input'];
  /** Where to send the invitation. If an account already uses this address, that person is told so instead, and no second account is made; the answer is the same either way. */
  email: Scalars['String']['input'];
  /** CLIENT, THERAPIST or ADMIN. Therapists may invite clients only. */
  role: Scalars['String']['input'];
};

/** Answers to a measure: one score 0–3 per question, in order. */
export type MeasureAnswersInput = {
  /** One entry per question; null for a question not answered yet (drafts only). */
  answers: Array<InputMaybe<Scalars['Int']['input']>>;
  /** Which measure the answers are for. */
  kind: MeasureKind;
};

/** The outcome measures Attune offers. */
export type MeasureKind =
  /** The GAD-7 (anxiety), 7 questions, totals 0–21. */
  | 'GAD7'
  /** The PHQ-9 (depression), 9 questions, totals 0–27. */
  | 'PHQ9';

/** How often a client is asked to fill in a measure. */
export type MeasureSchedule =
  /** Before every session: due from three days ahead until filled in. */
  | 'BEFORE_EVERY_SESSION'
  /** Due when the last one was filled in 14 days ago or more. */
  | 'EVERY_2_WEEKS'
  /** Due when the last one was filled in 28 days ago or more. */
  | 'EVERY_4_WEEKS'
  /** Not asked. */
  | 'OFF';

/** Asking the practice for a first conversation. Only a name and a way to reach you are needed. */
export type RequestFirstConversationInput = {
  /** An email address where the practice can reach you. */
  email: Scalars['String']['input'];
  /** Anything you would like us to know. Optional: you can save it for the conversation. */
  message?: InputMaybe<Scalars['String']['input']>;
  /** Your name, as you would like to be called (up to 100 characters). */
  name: Scalars['String']['input'];
  /** A phone number, if you would like a call; needed when `preferredContact` is PHONE. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** EMAIL when left out. */
  preferredContact?: InputMaybe<ContactPreference>;
  /** The id of a published therapist profile, if you would like to talk to someone in particular. */
  therapistProfileId?: InputMaybe<Scalars['ID']['input']>;
  /** Leave empty. (People never see this field; automated senders fill it in.) */
  website?: InputMaybe<Scalars['String']['input']>;
};

/** What a person does in the practice. */
export type Role =
  /** Someone who manages people and content; admins do not read clinical records. */
  | 'ADMIN'
  /** Someone in therapy with the practice. */
  | 'CLIENT'
  /** Someone who sees clients. */
  | 'THERAPIST';

/** A therapist's public profile. It appears in the directory only when `published` is true. */
export type SaveTherapistProfileInput = {
  /** True when you are taking on new clients. */
  acceptingNewClients: Scalars['Boolean']['input'];
  /** How you work, in your own words: plain text, blank lines between paragraphs, up to 4,000 characters. */
  approach: Scalars['String']['input'];
  /** Qualifications and registrations, as the public should read them. */
  credentials?: InputMaybe<Scalars['String']['input']>;
  /** The name to show, up to 100 characters. */
  displayName: Scalars['String']['input'];
  /** Like she/her, they/them. */
  pronouns?: InputMaybe<Scalars['String']['input']>;
  /** True to show the profile in the public directory. */
  published: Scalars['Boolean']['input'];
  /** At most 12, like "Grief and loss". */
  specialties?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Admins: whose profile. Therapists leave it out to save their own. */
  therapistId?: InputMaybe<Scalars['ID']['input']>;
  /** The version you loaded; a stale one is refused with CONFLICT. Leave out for a new profile. */
  version?: InputMaybe<Scalars['Int']['input']>;
};

/** A session to book with a client in your care. */
export type ScheduleSessionInput = {
  /** The client: one in an active care relationship with you, whose account is open. */
  clientId: Scalars['ID']['input'];
  /** ISO 8601 with offset, after `startsAt` and at most 240 minutes later. */
  endsAt: Scalars['String']['input'];
  /** Where to go or how to join (an address, a video link, a phone number), up to 500 characters. The client and you can read it. */
  joinDetails?: InputMaybe<Scalars['String']['input']>;
  /** How it will take place. */
  modality: SessionModality;
  /** ISO 8601 with offset, e.g. 2026-12-01T15:00:00Z. */
  startsAt: Scalars['String']['input'];
};

/** How the session takes place. */
export type SessionModality =
  /** In the practice. */
  | 'IN_PERSON'
  /** By phone. */
  | 'PHONE'
  /** By video call. */
  | 'VIDEO';

/** Where a session stands. */
export type SessionStatus =
  /** Called off beforehand; `cancelReason` may say why. */
  | 'CANCELLED'
  /** It took place. */
  | 'COMPLETED'
  /** The client did not come. */
  | 'NO_SHOW'
  /** Booked and still to come (or not yet marked). */
  | 'SCHEDULED';

/** A therapist sets how often a client in their care is asked to fill in a measure. */
export type SetMeasureScheduleInput = {
  /** A client in your care. */
  clientId: Scalars['ID']['input'];
  /** Which measure. */
  kind: MeasureKind;
  /** How often to ask; OFF stops asking. */
  schedule: MeasureSchedule;
};

/** Something for a client to practise between sessions. */
export type SetPracticePromptInput = {
  /** What to practise, up to 1,000 characters. The client and you can read it. */
  body: Scalars['String']['input'];
  /** A client in your care whose account is open. */
  clientId: Scalars['ID']['input'];
};

/** A published article for one of your clients, with a line of your own. */
export type ShareArticleInput = {
  /** A published article. */
  articleId: Scalars['ID']['input'];
  /** A client in your care. */
  clientId: Scalars['ID']['input'];
  /** Your note, like "this made me think of what you said". At most 500 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
};

/** An email address and a password, to sign in. */
export type SignInInput = {
  /** The email address of the account. Letter case and spaces around it do not matter. */
  email: Scalars['String']['input'];
  /** The account’s password. */
  password: Scalars['String']['input'];
};

/** Your check-in for one completed session of your own: four scores, each a whole number from 0 to 10, and an optional comment. Your therapist will see your answers. */
export type SubmitCheckInInput = {
  /** Did the way we worked today suit you? 0 (not at all) to 10 (very well). */
  approach: Scalars['Int']['input'];
  /** How safe and listened to did you feel today? 0 (not at all) to 10 (completely). */
  bond: Scalars['Int']['input'];
  /** Anything you would like your therapist to know (optional, up to 2,000 characters). */
  comment?: InputMaybe<Scalars['String']['input']>;
  /** Did we spend our time on what matters to you? 0 (not at all) to 10 (entirely). */
  goals: Scalars['Int']['input'];
  /** Taking everything together, how was today's session for you? 0 (not right for me) to 10 (just right). */
  overall: Scalars['Int']['input'];
  /** A completed session of your own that you have not checked in for yet. */
  sessionId: Scalars['ID']['input'];
};

/** Changes to an article: fields left out stay as they are. Each save keeps a revision. */
export type UpdateArticleInput = {
  /** A new author: one of the practice’s admins or therapists. */
  authorId?: InputMaybe<Scalars['ID']['input']>;
  /** A new body in Markdown, up to 100,000 characters; rendered to sanitized HTML when saved. */
  bodyMarkdown?: InputMaybe<Scalars['String']['input']>;
  /** What the cover image shows; needed while there is an image. Null or empty removes it. */
  coverImageAlt?: InputMaybe<Scalars['String']['input']>;
  /** A new https address of a cover image. Null or empty removes the image. */
  coverImageUrl?: InputMaybe<Scalars['String']['input']>;
  /** At most 300 characters. Null or empty removes it, and the summary stands in. */
  seoDescription?: InputMaybe<Scalars['String']['input']>;
  /** At most 70 characters. Null or empty removes it, and the title stands in. */
  seoTitle?: InputMaybe<Scalars['String']['input']>;
  /** A new address; the old one keeps redirecting to the article. */
  slug?: InputMaybe<Scalars['String']['input']>;
  /** A new summary, up to 500 characters. */
  summary?: InputMaybe<Scalars['String']['input']>;
  /** New tags, replacing the old ones: lowercase words joined by hyphens, at most 10. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** A new title, up to 200 characters. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** The version you loaded. If someone saved since, the save is refused with CONFLICT. */
  version: Scalars['Int']['input'];
};

/** A change to your own time zone and reminder settings. A field left out stays as it is; `null` means “my device’s zone” for `timeZone` and “no reminders” for `sessionReminderMinutes`. */
export type UpdatePreferencesInput = {
  /** Whether to be emailed when an outcome measure is due. Null is the same as leaving it out. */
  measureReminders?: InputMaybe<Scalars['Boolean']['input']>;
  /** Minutes before a session for its reminder email: 60, 180, 1440 or 2880; null for no session reminders. */
  sessionReminderMinutes?: InputMaybe<Scalars['Int']['input']>;
  /** An IANA time zone such as `Europe/London` or `America/New_York`, or null to follow your device. An unknown zone is BAD_USER_INPUT with reason TIME_ZONE_UNKNOWN. */
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

/** A new reflection, in your own words. Only you can see it unless you share it with your therapist. */
export type WriteReflectionInput = {
  /** What you would like to write, up to 10,000 characters. */
  body: Scalars['String']['input'];
  /** How you feel, 1 (very low) to 5 (very good); optional. */
  mood?: InputMaybe<Scalars['Int']['input']>;
  /** Share with your therapist now. Private when left out. */
  share?: InputMaybe<Scalars['Boolean']['input']>;
};
