/**
 * A third template, written apart from the two examples: a vo SWV with its own scale,
 * its own partner list and other section names. It must import without code changes.
 */
export const THIRD_TEMPLATE_YAML = `format: opensop-template/1
key: swv-vo-test
name: Ondersteuningsprofiel SWV VO Testregio
description: Basisafspraken voor de scholen voor voortgezet onderwijs in de testregio.
sector: vo
welcome:
  title: Aan de slag
  panels:
    - title: Hoe werkt het?
      body: Vul per afspraak in hoe de school ervoor staat.
scales:
  - key: niveau-vo
    name: Waar is de ondersteuning georganiseerd?
    options:
      - value: in-de-klas
        label: In de klas
        parentLabel: Door de eigen docent
      - value: op-school
        label: In het ondersteuningsteam van de school
      - value: via-swv
        label: Via het loket van het samenwerkingsverband
      - value: niet
        label: Niet beschikbaar
  - key: ketenpartners
    name: Ketenpartners
    options:
      - value: leerplicht
        label: Leerplicht
      - value: ggd
        label: GGD / jeugdarts
      - value: wijkteam
        label: Wijkteam
      - value: mbo
        label: Mbo-instelling
sections:
  - key: visie
    kind: introduction
    title: Visie en schoolgegevens
    items:
      - key: visie-ondersteuning
        kind: longtext
        title: Wat is de visie van de school op ondersteuning?
        required: false
      - key: aantal-leerlingen
        kind: number
        title: Hoeveel leerlingen heeft de school?
        min: 0
        max: 5000
        unit: leerlingen
  - key: afspraak-a
    kind: promise
    title: "Afspraak A: mentoraat"
    promise: Elke leerling heeft een mentor die hem kent en volgt.
    asksLimits: true
    items:
      - key: mentor-gesprekken
        kind: choice
        title: Waar worden mentorgesprekken over ondersteuning gevoerd?
        scale: niveau-vo
        norm:
          accept: [in-de-klas, op-school]
        ambition: true
        posters: { parent: true, teacher: true }
      - key: mentor-uren
        kind: yesno
        title: Heeft elke mentor uren voor begeleiding?
        norm:
          equals: true
  - key: maatwerk
    kind: extra
    title: Maatwerk
    items:
      - key: samenwerking-keten
        kind: partners
        title: Met welke ketenpartners werkt de school samen?
        scale: ketenpartners
        norm:
          includes: [leerplicht, ggd]
  - key: afsluiting
    kind: closing
    title: Afsluiting
    items:
      - key: opmerkingen
        kind: text
        title: Wilt u nog iets kwijt?
        required: false
        maxLength: 500
`;
