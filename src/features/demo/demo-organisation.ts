/**
 * Demo data: a fictional SWV with two boards, districts and seven schools (realistic, Dutch, invented).
 * Only loaded into an empty database, or by `npm run cli -- demo seed`.
 */
export const DEMO_PASSWORD = 'Voorbeeld-2026!';

export const demoPartnership = {
  slug: 'voorbeeldstad',
  name: 'SWV PO Voorbeeldstad',
  primaryColor: '#0b5563',
  parentSupportPoint: {
    name: 'Ouder- en Jeugdsteunpunt Voorbeeldstad',
    phone: '010 123 45 67',
    email: 'steunpunt@swv-voorbeeldstad.nl',
    website: 'https://www.swv-voorbeeldstad.nl/steunpunt',
  },
  publicInfo: {
    registration:
      'U meldt uw kind schriftelijk aan bij de school van uw keuze, het liefst tien weken voor de dag dat uw kind naar school gaat.\n\nVertel de school bij de aanmelding of u denkt dat uw kind extra hulp nodig heeft. Dan kan de school goed kijken wat uw kind nodig heeft.',
    dutyOfCare:
      'Heeft uw kind extra hulp nodig? Dan zoekt de school waar u uw kind aanmeldt een goede plek. Dat heet zorgplicht. Kan de school zelf niet de hulp bieden die uw kind nodig heeft? Dan zoekt de school samen met u een andere school die dat wel kan.\n\nDe school heeft zes weken voor dat besluit. Soms mag de school daar vier weken bij nemen.',
    whereToTurn:
      'Praat eerst met de leerkracht of de intern begeleider. Komt u er samen niet uit? Het Ouder- en Jeugdsteunpunt helpt u gratis. U kunt ook een onderwijsconsulent vragen om mee te denken (www.onderwijsconsulenten.nl).\n\nBent u het niet eens met een besluit van de school? Dan kunt u naar de Geschillencommissie passend onderwijs (www.onderwijsgeschillen.nl).',
  },
};

export const demoDistricts = ['Centrum', 'Noord', 'Zuid'] as const;

export const demoBoards = [
  { key: 'spov', name: 'Stichting Primair Onderwijs Voorbeeldstad', boardNumber: '41234' },
  { key: 'linde', name: 'Stichting Katholiek Onderwijs De Linde', boardNumber: '41567' },
] as const;

export const demoSchools = [
  { key: 'regenboog', board: 'spov', district: 'Centrum', name: 'Basisschool De Regenboog', brin: '12AB', vestiging: '00', street: 'Lindelaan 12', postalCode: '2711 AB', city: 'Voorbeeldstad', denomination: 'Openbaar' },
  { key: 'vlinder', board: 'spov', district: 'Noord', name: 'OBS De Vlinder', brin: '13CD', vestiging: '00', street: 'Kastanjestraat 3', postalCode: '2712 CD', city: 'Voorbeeldstad', denomination: 'Openbaar' },
  { key: 'klimop', board: 'spov', district: 'Noord', name: 'De Klimop', brin: '13CD', vestiging: '01', street: 'Populierenpad 40', postalCode: '2712 EF', city: 'Voorbeeldstad', denomination: 'Openbaar' },
  { key: 'horizon', board: 'spov', district: 'Zuid', name: 'Daltonschool Horizon', brin: '14EF', vestiging: '00', street: 'Zuidsingel 101', postalCode: '2715 GH', city: 'Voorbeeldstad', denomination: 'Openbaar' },
  { key: 'sint-jozef', board: 'linde', district: 'Centrum', name: 'Sint Jozefschool', brin: '15GH', vestiging: '00', street: 'Kerkplein 7', postalCode: '2711 JK', city: 'Voorbeeldstad', denomination: 'Rooms-Katholiek' },
  { key: 'fontein', board: 'linde', district: 'Zuid', name: 'KBS De Fontein', brin: '16JK', vestiging: '00', street: 'Waterweg 22', postalCode: '2715 LM', city: 'Voorbeeldstad', denomination: 'Rooms-Katholiek' },
  { key: 'wereldwijzer', board: 'linde', district: 'Noord', name: 'IKC De Wereldwijzer', brin: '17LM', vestiging: '00', street: 'Atlasstraat 5', postalCode: '2712 NP', city: 'Voorbeeldstad', denomination: 'Rooms-Katholiek' },
] as const;

export type DemoSchoolKey = (typeof demoSchools)[number]['key'];

/** Who to ask for what at each demo school (staff only; on the posters and in the SOP). Made-up people. */
export const demoSchoolContacts: Record<DemoSchoolKey, Array<{ name: string; role: string; topic: string; email: string | null; showToParents?: boolean }>> = {
  regenboog: [
    { name: 'Fatima el Idrissi', role: 'Intern begeleider', topic: 'Extra ondersteuning, aanmelding en overleg met ouders', email: 'ib@regenboog.example', showToParents: true },
    { name: 'Jeroen Smit', role: 'Directeur', topic: 'Toelating, klachten en het schoolondersteuningsprofiel', email: 'directie@regenboog.example', showToParents: true },
    { name: 'Annelies Bakker', role: 'Gedragsspecialist', topic: 'Gedrag in de groep en sociaal-emotionele ontwikkeling', email: null },
    { name: 'Sander Mulder', role: 'Anti-pestcoördinator', topic: 'Pesten en sociale veiligheid', email: 'veiligheid@regenboog.example' },
  ],
  vlinder: [
    { name: 'Marieke Post', role: 'Intern begeleider', topic: 'Extra ondersteuning en handelingsplannen', email: 'ib@vlinder.example', showToParents: true },
    { name: 'Tom Hendriks', role: 'Directeur', topic: 'Toelating en contact met het samenwerkingsverband', email: 'directie@vlinder.example' },
  ],
  klimop: [{ name: 'Ilse Vermeer', role: 'Intern begeleider', topic: 'Extra ondersteuning, dyslexie en dyscalculie', email: 'ib@klimop.example', showToParents: true }],
  horizon: [
    { name: 'Yusuf Demir', role: 'Intern begeleider', topic: 'Extra ondersteuning en meer- en hoogbegaafdheid', email: 'ib@horizon.example', showToParents: true },
    { name: 'Petra de Boer', role: 'Taalspecialist', topic: 'Taal, lezen en NT2', email: null },
  ],
  'sint-jozef': [{ name: 'Karin Willems', role: 'Intern begeleider', topic: 'Extra ondersteuning en aanmelding', email: 'ib@sintjozef.example', showToParents: true }],
  fontein: [{ name: 'Bart Jacobs', role: 'Intern begeleider', topic: 'Extra ondersteuning en overleg met jeugdhulp', email: 'ib@fontein.example', showToParents: true }],
  wereldwijzer: [
    { name: 'Nadia Bouzid', role: 'Intern begeleider', topic: 'Extra ondersteuning, ook voor peuters (vve)', email: 'ib@wereldwijzer.example', showToParents: true },
    { name: 'Ruud van Dam', role: 'Directeur', topic: 'Toelating en het schoolondersteuningsprofiel', email: 'directie@wereldwijzer.example', showToParents: true },
  ],
};

export const demoUsers = [
  { email: 'beheer@opensop.example', name: 'Pim Platform', role: 'platform_admin', place: null },
  { email: 'swv@voorbeeldstad.example', name: 'Sanne de Vries', role: 'partnership_admin', place: 'partnership' },
  { email: 'bestuur@spov.example', name: 'Bart Bakker', role: 'board_user', place: 'board:spov' },
  { email: 'ib@regenboog.example', name: 'Fatima el Idrissi', role: 'school_editor', place: 'school:regenboog' },
  { email: 'directie@regenboog.example', name: 'Jeroen Smit', role: 'school_editor', place: 'school:regenboog' },
  { email: 'mr@regenboog.example', name: 'Anouk Jansen', role: 'council_member', place: 'school:regenboog' },
  { email: 'ib@vlinder.example', name: 'Kees Mulder', role: 'school_editor', place: 'school:vlinder' },
  { email: 'mr@vlinder.example', name: 'Marieke de Boer', role: 'council_member', place: 'school:vlinder' },
  { email: 'ib@horizon.example', name: 'Yusuf Demir', role: 'school_editor', place: 'school:horizon' },
  // The SWV adviser (orthopedagoog) for the schools of SPOV only; the parent and youth support point (issue 14).
  { email: 'adviseur@voorbeeldstad.example', name: 'Olga Ouwehand', role: 'partnership_adviser', place: 'partnership', limitedToBoard: 'spov' },
  { email: 'steunpunt@voorbeeldstad.example', name: 'Stefan Steenbergen', role: 'support_point', place: 'partnership' },
] as const;
