import { CreateUsersAndArticles1795653356019 } from './1795653356019-CreateUsersAndArticles';
import { CreateIdentityCareAndAudit1795653754826 } from './1795653754826-CreateIdentityCareAndAudit';
import { CreateClinicalCore1795654311496 } from './1795654311496-CreateClinicalCore';
import { CreateContentPublishing1795654409581 } from './1795654409581-CreateContentPublishing';
import { AuditClientRequestId1795660000000 } from './1795660000000-AuditClientRequestId';
import { AddSessionAuthenticatedAt1795700000000 } from './1795700000000-AddSessionAuthenticatedAt';
import { IndexReflectionsForCaseload1796169600000 } from './1796169600000-IndexReflectionsForCaseload';
import { AddUserClosedAt1796400000000 } from './1796400000000-AddUserClosedAt';
import { CreateIdempotencyKeys1796400000001 } from './1796400000001-CreateIdempotencyKeys';
import { TrackUpdatesForPolling1796500000100 } from './1796500000100-TrackUpdatesForPolling';
import { CreateJobQueue1796600000301 } from './1796600000301-CreateJobQueue';
import { CreateReminderDeliveries1796600000300 } from './1796600000300-CreateReminderDeliveries';
import { AddPersonPreferences1796600000000 } from './1796600000000-AddPersonPreferences';
import { CreateMeasures1796500000300 } from './1796500000300-CreateMeasures';
import { IndexMeasureResponsesForCaseload1796600000200 } from './1796600000200-IndexMeasureResponsesForCaseload';
import { AddUserNameSortKey1796600000410 } from './1796600000410-AddUserNameSortKey';
import { IndexSharedReflectionsByTherapist1796600000420 } from './1796600000420-IndexSharedReflectionsByTherapist';
import { IndexCaseloadLatestRows1796600000430 } from './1796600000430-IndexCaseloadLatestRows';
import { IndexScheduledSessionsByClient1796600000440 } from './1796600000440-IndexScheduledSessionsByClient';
import { IndexClientRecordLists1796600000450 } from './1796600000450-IndexClientRecordLists';
import { IndexAuditTrailByPerson1796600000460 } from './1796600000460-IndexAuditTrailByPerson';
import { StatisticsForClientRecordLists1796600000470 } from './1796600000470-StatisticsForClientRecordLists';

/** Every migration, in order. Listed by hand so the build needs no file globbing at run time. */
export const MIGRATIONS = [
  CreateUsersAndArticles1795653356019,
  CreateIdentityCareAndAudit1795653754826,
  CreateClinicalCore1795654311496,
  CreateContentPublishing1795654409581,
  AuditClientRequestId1795660000000,
  AddSessionAuthenticatedAt1795700000000,
  IndexReflectionsForCaseload1796169600000,
  AddUserClosedAt1796400000000,
  CreateIdempotencyKeys1796400000001,
  TrackUpdatesForPolling1796500000100,
  CreateMeasures1796500000300,
  AddPersonPreferences1796600000000,
  IndexMeasureResponsesForCaseload1796600000200,
  CreateReminderDeliveries1796600000300,
  CreateJobQueue1796600000301,
  AddUserNameSortKey1796600000410,
  IndexSharedReflectionsByTherapist1796600000420,
  IndexCaseloadLatestRows1796600000430,
  IndexScheduledSessionsByClient1796600000440,
  IndexClientRecordLists1796600000450,
  IndexAuditTrailByPerson1796600000460,
  StatisticsForClientRecordLists1796600000470,
];
