/** The insight feature's plug-ins: its link on the SWV overview and the operator's export command. */
import { translator } from '../../ui/i18n.js';
import { boardLinkProviders } from '../partnerships/overview-links.js';
import { partnershipLinkProviders } from '../partnerships/routes.js';
import { insightMessages } from './messages.js';

partnershipLinkProviders.push((partnershipId, locale) => [
  { href: `/swv/${partnershipId}/inzicht`, label: translator(insightMessages, locale)('insightLink'), permission: 'partnership.view' },
]);
import './cli-command.js';

boardLinkProviders.push((boardId, locale) => [{ href: `/besturen/${boardId}/inzicht`, label: translator(insightMessages, locale)('boardInsightLink') }]);
