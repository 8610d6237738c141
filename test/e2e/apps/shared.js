// What both framework apps render: the same values, set as properties. The
// test passes them in the page's URL (`?deadline=2027-…&expiresIn=6000`).
const query = new URLSearchParams(location.search);
export const DEADLINE = query.get('deadline');
/** A countdown that reaches zero while the test watches (kp-expired): `expiresIn` ms after the app starts. */
export const EXPIRES = new Date(Date.now() + Number(query.get('expiresIn'))).toISOString();
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
