/** The support point's plug-ins: the link on the SWV overview. */
import { partnershipLinkProviders } from '../partnerships/routes.js';
import { supportPointT } from './messages.js';

partnershipLinkProviders.push((partnershipId, locale) => [{ href: `/swv/${partnershipId}/signalen`, label: supportPointT(locale)('overviewLink'), permission: 'signals.view' }]);
