import { CreateUsersAndArticles1795653356019 } from './1795653356019-CreateUsersAndArticles';

/** Every migration, in order. Listed by hand so the build needs no file globbing at run time. */
export const MIGRATIONS = [CreateUsersAndArticles1795653356019];
