// Per element: its attributes (all of them, for the hostile-value tests), the
// ones shown to the visitor as text, and a valid set to come back to.
import {FUTURE} from './fixtures.mjs';

export const ELEMENTS = {
  'kp-countdown': {
    valid: {deadline: FUTURE, 'time-zone': 'Europe/Berlin', label: 'Interessensbekundung'},
    attributes: ['deadline', 'time-zone', 'label', 'lang', 'id', 'dir'],
    shownAsText: ['label'],
  },
  'kp-contact-card': {
    valid: {name: 'Dr. Maria Beispiel', 'job-title': 'Projektkoordination', organisation: 'LAG 21 NRW',
      phone: '0231 936960-14', email: 'maria.beispiel@example.org', photo: '/cms/photo.svg'},
    attributes: ['name', 'job-title', 'organisation', 'phone', 'email', 'photo', 'lang', 'id', 'dir'],
    shownAsText: ['name', 'job-title', 'organisation'],
  },
  'kp-newsletter-signup': {
    valid: {action: '/api/submit', 'privacy-url': '/datenschutz', 'with-name': ''},
    attributes: ['action', 'mode', 'privacy-url', 'draft', 'email-field', 'with-name', 'lang', 'id', 'dir'],
    shownAsText: [],
  },
  'kp-interest-form': {
    valid: {action: '/api/submit', 'privacy-url': '/datenschutz', deadline: FUTURE},
    attributes: ['action', 'mode', 'privacy-url', 'draft', 'deadline', 'time-zone', 'lang', 'id', 'dir'],
    shownAsText: [],
  },
  'kp-share': {
    valid: {url: 'https://example.org/klimapartnerschaften', title: 'Kommunale Klimapartnerschaften', networks: 'linkedin mastodon'},
    attributes: ['url', 'title', 'networks', 'lang', 'id', 'dir'],
    shownAsText: [],
  },
};
