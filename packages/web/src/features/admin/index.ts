// What other features may use of the admin pages: the page frame and error display only,
// so importing it never pulls an admin page into another chunk.
export { ErrorAlert, GuardedPage, Loading } from './admin-ui';
