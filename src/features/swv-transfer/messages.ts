import { defineMessages } from '../../ui/i18n.js';

/** The mails an imported SWV's people get (swv import); the CLI's own lines are Dutch, like every operator command. */
export const swvTransferMessages = defineMessages(
  {
    movedMailSubject: '{swv} werkt nu met deze OpenSOP-omgeving',
    movedMailBody:
      'Beste {name},\n\nHet samenwerkingsverband {swv} is overgezet naar een andere OpenSOP-omgeving: {baseUrl}. ' +
      'Uw rol ({roles}) en alles wat u invulde zijn meegekomen; uw wachtwoord niet.\n\n' +
      'Kies via deze link een nieuw wachtwoord (de link is 7 dagen geldig en werkt één keer):\n{link}\n\n' +
      'Is de link verlopen? Vraag dan op de inlogpagina een nieuw wachtwoord aan.\n\nMet vriendelijke groet,\nOpenSOP',
    movedConsentMailSubject: '{swv} werkt nu met deze OpenSOP-omgeving — neemt u uw rol mee?',
    movedConsentMailBody:
      'Beste {name},\n\nHet samenwerkingsverband {swv} is overgezet naar de OpenSOP-omgeving {baseUrl}, waar dit e-mailadres al een account heeft. ' +
      'U had bij {swv} de rol {role} ({place}). Die rol komt er pas bij als u deze uitnodiging aanneemt.\n\n' +
      'Aannemen of afwijzen via deze link (7 dagen geldig):\n{link}\n\nMet vriendelijke groet,\nOpenSOP',
  },
  {
    movedMailSubject: '{swv} now works with this OpenSOP installation',
    movedMailBody:
      'Dear {name},\n\nThe partnership {swv} has moved to another OpenSOP installation: {baseUrl}. ' +
      'Your role ({roles}) and everything you entered came along; your password did not.\n\n' +
      'Choose a new password with this link (valid for 7 days, works once):\n{link}\n\n' +
      'Has the link expired? Ask for a new password on the log-in page.\n\nKind regards,\nOpenSOP',
    movedConsentMailSubject: '{swv} now works with this OpenSOP installation — will you take your role along?',
    movedConsentMailBody:
      'Dear {name},\n\nThe partnership {swv} has moved to the OpenSOP installation {baseUrl}, where this e-mail address already has an account. ' +
      'At {swv} you had the role {role} ({place}). The role is added only if you accept this invitation.\n\n' +
      'Accept or decline with this link (valid for 7 days):\n{link}\n\nKind regards,\nOpenSOP',
  },
);
