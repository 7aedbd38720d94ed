import { defineMessages } from '../../../ui/i18n.js';

/**
 * What the server says when an answer cannot be saved (validate-answer.ts, and the ambition, parent text and limits
 * checks of the questionnaire), in the language of whoever typed it.
 */
export const answerCheckMessages = defineMessages(
  {
    chooseOption: 'Kies een van de opties.',
    chooseFromList: 'Kies een of meer opties uit de lijst.',
    onlyFromList: 'Kies alleen uit de opties in de lijst.',
    chooseYesNo: 'Kies ja of nee.',
    number: 'Vul een getal in.',
    numberInRange: 'Vul een getal in {range}.',
    rangeBoth: 'van {min} tot en met {max}',
    rangeMin: 'van minstens {min}',
    rangeMax: 'van hoogstens {max}',
    numberHint: 'Schrijf een getal met een komma voor decimalen, bijvoorbeeld 27,5 of 1250.',
    numberReadAs: 'U vulde {raw} in; dat lezen wij als {value}.',
    useDecimalComma: 'Gebruik een komma voor decimalen, bijvoorbeeld 1,25.',
    text: 'Vul tekst in.',
    oneLine: 'Schrijf dit antwoord op één regel.',
    tooLong: 'Maximaal {max} tekens; u heeft er {count}.',
    notStorable: 'Dit antwoord kan niet worden opgeslagen.',
    noAmbitionHere: 'Bij deze vraag kan geen ambitie worden vastgelegd.',
    ambitionIncomplete: 'Kies wat de school wil bereiken en in welk schooljaar.',
    ambitionOption: 'Kies als ambitie een van de opties.',
    noParentTextHere: 'Bij deze vraag kan geen eigen tekst voor ouders worden geschreven.',
  },
  {
    chooseOption: 'Choose one of the options.',
    chooseFromList: 'Choose one or more options from the list.',
    onlyFromList: 'Choose only from the options in the list.',
    chooseYesNo: 'Choose yes or no.',
    number: 'Enter a number.',
    numberInRange: 'Enter a number {range}.',
    rangeBoth: 'from {min} to {max}',
    rangeMin: 'of at least {min}',
    rangeMax: 'of at most {max}',
    numberHint: 'Write a number without a thousands separator, for example 27.5 or 1250.',
    numberReadAs: 'You entered {raw}; we read that as {value}.',
    useDecimalComma: 'A dot before three digits is read as a thousands separator (the Dutch way): write one and a quarter as 1.25 or 1,25.',
    text: 'Enter text.',
    oneLine: 'Write this answer on one line.',
    tooLong: 'At most {max} characters; you have {count}.',
    notStorable: 'This answer cannot be saved.',
    noAmbitionHere: 'No ambition can be recorded for this question.',
    ambitionIncomplete: 'Choose what the school wants to achieve and in which school year.',
    ambitionOption: 'Choose one of the options as the ambition.',
    noParentTextHere: 'No text of your own for parents can be written for this question.',
  },
);
