/** The audit log's link on the SWV overview (for those who may read it). */
import { translator } from '../../ui/i18n.js';
import { partnershipLinkProviders } from '../partnerships/overview-links.js';
import { auditLogMessages } from './messages.js';

partnershipLinkProviders.push((partnershipId, locale) => [{ href: `/swv/${partnershipId}/logboek`, label: translator(auditLogMessages, locale)('title'), permission: 'partnership.viewAuditLog' }]);
