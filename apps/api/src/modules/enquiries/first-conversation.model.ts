import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CONTACT_PREFERENCES } from '@attune/domain';
import { Connection, PageArgs } from '../../common/pagination';
import type { ContactPreference, FirstConversationRequestStatus } from './first-conversation-request.entity';
import { ClosedToTokens } from '../../common/auth/scope.decorator';

export const ContactPreferenceEnum = Object.fromEntries(CONTACT_PREFERENCES.map((value) => [value, value])) as { [K in ContactPreference]: K };
registerEnumType(ContactPreferenceEnum, {
  name: 'ContactPreference',
  description: 'How the person would like the practice to reach them.',
  valuesMap: { EMAIL: { description: 'By email.' }, PHONE: { description: 'By phone; a phone number is then needed.' } },
});

const STATUSES = ['NEW', 'HANDLED'] as const;
export const FirstConversationRequestStatusEnum = Object.fromEntries(STATUSES.map((value) => [value, value])) as {
  [K in FirstConversationRequestStatus]: K;
};
registerEnumType(FirstConversationRequestStatusEnum, {
  name: 'FirstConversationRequestStatus',
  description: 'Where a request for a first conversation stands.',
  valuesMap: { NEW: { description: 'Waiting for someone to get back to them.' }, HANDLED: { description: 'Someone got back to them.' } },
});

@InputType({ description: 'Asking the practice for a first conversation. Only a name and a way to reach you are needed.' })
export class RequestFirstConversationInput {
  @Field({ description: 'Your name, as you would like to be called (up to 100 characters).' })
  name: string;

  @Field({ description: 'An email address where the practice can reach you.' })
  email: string;

  @Field(() => String, { nullable: true, description: 'A phone number, if you would like a call; needed when `preferredContact` is PHONE.' })
  phone?: string | null;

  @Field(() => ContactPreferenceEnum, { nullable: true, description: 'EMAIL when left out.' })
  preferredContact?: ContactPreference | null;

  @Field(() => ID, { nullable: true, description: 'The id of a published therapist profile, if you would like to talk to someone in particular.' })
  therapistProfileId?: string | null;

  @Field(() => String, { nullable: true, description: 'Anything you would like us to know. Optional: you can save it for the conversation.' })
  message?: string | null;

  @Field(() => String, { nullable: true, description: 'Leave empty. (People never see this field; automated senders fill it in.)' })
  website?: string | null;
}

@ClosedToTokens()
@ObjectType({ description: 'A request for a first conversation, as the admins who arrange them see it.' })
export class FirstConversationRequest {
  @Field(() => ID, { description: 'Identifies the request.' })
  id: string;

  @Field({ description: 'Their name, as they gave it.' })
  name: string;

  @Field({ description: 'Their email address.' })
  email: string;

  @Field(() => String, { nullable: true, description: 'Their phone number; null when they gave none.' })
  phone: string | null;

  @Field(() => ContactPreferenceEnum, { description: 'How they would like to be reached.' })
  preferredContact: ContactPreference;

  @Field(() => String, { nullable: true, description: 'The therapist they asked for, if any.' })
  therapistName: string | null;

  @Field(() => String, { nullable: true, description: 'What they wrote; null when they left it for the conversation.' })
  message: string | null;

  @Field(() => FirstConversationRequestStatusEnum, { description: 'Whether someone has got back to them.' })
  status: FirstConversationRequestStatus;

  @Field({ description: 'When they asked.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was marked handled; null while it is new.' })
  handledAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Who marked it handled.' })
  handledByName: string | null;
}

export const FirstConversationRequestConnection = Connection(FirstConversationRequest, 'FirstConversationRequest');

@ArgsType()
export class FirstConversationRequestsArgs extends PageArgs {
  @Field(() => FirstConversationRequestStatusEnum, { nullable: true, description: 'Only requests in this state.' })
  status?: FirstConversationRequestStatus | null;
}
