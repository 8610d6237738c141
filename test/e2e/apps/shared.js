// What both framework apps render: the same values, set as properties. The
// test page passes the deadlines in its URL (`?deadline=…&expires=…`).
const query = new URLSearchParams(location.search);
export const DEADLINE = query.get('deadline');
/** A countdown that reaches zero while the test watches (kp-expired). */
export const EXPIRES = query.get('expires');
export const CARD = {
  name: 'Dr. Maria Beispiel',
  jobTitle: 'Projektkoordination',
  organisation: 'LAG 21 NRW',
  phone: '0231 936960-14',
  email: 'maria.beispiel@example.org',
  photo: '/cms/photo.svg',
};
export const FORM = {action: '/api/submit', privacyUrl: '/datenschutz'};
/** How the app writes an event into its own log (shown on the page, read by the test). */
export const describe = (event) => `${event.type} ${event.target.localName}${event.detail?.data?._form ? ' ' + event.detail.data._form : ''}`;
