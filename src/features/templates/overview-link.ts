/** "Vragenlijst" on the SWV overview: the way into the template pages. */
import { translator } from '../../ui/i18n.js';
import { partnershipLinkProviders } from '../partnerships/routes.js';
import { templateMessages } from './messages.js';

partnershipLinkProviders.push((partnershipId, locale) => [
  { href: `/swv/${partnershipId}/vragenlijsten`, label: translator(templateMessages, locale)('overviewLink'), permission: 'template.manage' },
]);
