/** The notification queue invitations and password-reset links are sent through (the notification processor delivers them). */
export const ACCOUNT_NOTICES = Symbol('ACCOUNT_NOTICES');
