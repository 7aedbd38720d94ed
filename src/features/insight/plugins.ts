/** The insight feature's plug-ins: its links on the SWV overview, a board's page and the platform page; the operator's export command. */
import { translator } from '../../ui/i18n.js';
import { boardLinkProviders, platformLinkProviders } from '../partnerships/overview-links.js';
import { partnershipLinkProviders } from '../partnerships/routes.js';
import { insightMessages } from './messages.js';

partnershipLinkProviders.push((partnershipId, locale) => [
  { href: `/swv/${partnershipId}/inzicht`, label: translator(insightMessages, locale)('insightLink'), permission: 'partnership.view' },
]);
import './cli-command.js';

boardLinkProviders.push((boardId, locale) => [{ href: `/besturen/${boardId}/inzicht`, label: translator(insightMessages, locale)('boardInsightLink') }]);

platformLinkProviders.push((locale) => [{ href: '/beheer/inzicht', label: translator(insightMessages, locale)('nationalLink') }]);
