/** The coalition's goals (BRIEF.md) in B1 Dutch; the kick-off report and the about page list them. */
export const coalitionGoals = [
  'Kennis over eenzaamheid delen.',
  'Goede voorbeelden uit de stad laten zien.',
  'Elkaar ontmoeten en een netwerk vormen.',
  'Ontdekken wat iedere partij kan bijdragen.',
  'Een stappenplan maken om meer activiteiten op te zetten.',
];
