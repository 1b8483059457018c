// The administration services outside the Nest application, for the commands that set a deployment up (the first
// national administrator's) and the demo seed: the same classes the API's modules provide, over one database, so
// that everything they create passes the same rules and leaves the same audit trail as the API's endpoints.
import type { Queue } from 'bullmq';
import type { RakshaConfig } from '@raksha/config';
import type { ImportJobData, NotificationQueue } from '@raksha/contracts';
import { BodyRosterRepository, GeographyRepository, ImportJobRepository, InstitutionRepository, PeopleRepository, type Db } from '@raksha/db';
import { AccessPolicy } from './auth/access.policy.js';
import { ImportJobsService } from './imports/import-jobs.service.js';
import { AccountLinksService } from './people/account-links.service.js';
import { FirstAdministrator } from './people/first-administrator.js';
import { InvitationsService } from './people/invitations.service.js';
import { LocalPlacesService } from './places/local-places.service.js';
import { BodiesService } from './registries/bodies.service.js';
import { BodyAdministrationService } from './registries/body-administration.service.js';
import { InstitutionsService } from './registries/institutions.service.js';
import type { RegistrationWatch } from './registries/registration-watch.js';

export interface AdministrationServices {
  bodyAdministration: BodyAdministrationService;
  bodies: BodiesService;
  invitations: InvitationsService;
  accountLinks: AccountLinksService;
  places: LocalPlacesService;
  institutions: InstitutionsService;
  firstAdministrator: FirstAdministrator;
}

export interface AdministrationOutside {
  /** where invitations' notices go (the API's notification queue) */
  notices: NotificationQueue;
  /** who tells a registered institution's watch; a caller running without Temporal leaves it to `npm run watches:sync` */
  registrationWatch: Pick<RegistrationWatch, 'tell'>;
}

/** A command's imports are written at once (up to each kind's inline size); a larger one belongs to the API, whose worker runs import jobs. */
const NO_IMPORT_JOBS = {
  add: () => Promise.reject(new Error('an import this large runs as a job of the API: send it to the API instead')),
} as unknown as Queue<ImportJobData>;

export function administrationServices(db: Db, config: RakshaConfig, outside: AdministrationOutside): AdministrationServices {
  const bodyRoster = new BodyRosterRepository(db);
  const geography = new GeographyRepository(db);
  const people = new PeopleRepository(db);
  const institutionRepository = new InstitutionRepository(db);
  const bodyAdministration = new BodyAdministrationService(bodyRoster, geography);
  const invitations = new InvitationsService(people, bodyRoster, outside.notices, config);
  const places = new LocalPlacesService(geography, new ImportJobsService(new ImportJobRepository(db), NO_IMPORT_JOBS));
  places.onModuleInit();
  return {
    bodyAdministration,
    bodies: new BodiesService(bodyRoster, institutionRepository),
    invitations,
    accountLinks: new AccountLinksService(people, outside.notices, config),
    places,
    institutions: new InstitutionsService(institutionRepository, geography, new AccessPolicy(), outside.registrationWatch as RegistrationWatch),
    firstAdministrator: new FirstAdministrator(bodyRoster, people, bodyAdministration, invitations),
  };
}
