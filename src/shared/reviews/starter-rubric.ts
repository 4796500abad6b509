import type { RubricCriterion } from '@shared/contracts/rubrics';

/**
 * The rubric a call stage (or a contest category) starts with until officers change it: five criteria on 1–5, a
 * comment required for a score of 2 or less.
 */
export const STARTER_RUBRIC: readonly RubricCriterion[] = [
  {
    id: 'relevance',
    nameTh: 'ความสอดคล้องกับโจทย์ปัญหา',
    nameEn: 'Relevance to the problem',
    guidanceTh: 'ข้อเสนอตอบโจทย์ปัญหาของรอบและของพื้นที่อย่างชัดเจน มีข้อมูลสนับสนุนว่าปัญหามีอยู่จริง',
    guidanceEn:
      "The proposal clearly answers the call's problem and the area's need, with evidence that it is real.",
    weight: 20,
    scaleMin: 1,
    scaleMax: 5,
    commentAtOrBelow: 2,
  },
  {
    id: 'innovation',
    nameTh: 'ความเป็นนวัตกรรม',
    nameEn: 'Innovation',
    guidanceTh: 'แนวทางใหม่หรือดีกว่าเดิมอย่างชัดเจนเมื่อเทียบกับสิ่งที่มีอยู่ในพื้นที่',
    guidanceEn: 'A new approach, or clearly better than what the area already has.',
    weight: 20,
    scaleMin: 1,
    scaleMax: 5,
    commentAtOrBelow: 2,
  },
  {
    id: 'feasibility',
    nameTh: 'ความเป็นไปได้ของแผนงาน',
    nameEn: 'Feasibility',
    guidanceTh: 'ทีมงาน ภาคี แผนงานและระยะเวลาเพียงพอที่จะทำได้จริง',
    guidanceEn: 'The team, partners, plan and timeline make it achievable.',
    weight: 20,
    scaleMin: 1,
    scaleMax: 5,
    commentAtOrBelow: 2,
  },
  {
    id: 'impact',
    nameTh: 'ผลกระทบและการขยายผล',
    nameEn: 'Impact and scaling',
    guidanceTh: 'ผลลัพธ์ทางสังคมที่วัดได้ จำนวนผู้ได้รับประโยชน์ และโอกาสขยายผลไปยังพื้นที่อื่น',
    guidanceEn: 'Measurable social results, people who benefit, and the chance to scale to other areas.',
    weight: 25,
    scaleMin: 1,
    scaleMax: 5,
    commentAtOrBelow: 2,
  },
  {
    id: 'budget_value',
    nameTh: 'ความคุ้มค่าของงบประมาณ',
    nameEn: 'Value for money',
    guidanceTh: 'งบประมาณสมเหตุสมผลกับกิจกรรมและผลลัพธ์ที่คาดหวัง',
    guidanceEn: 'The budget is reasonable for the activities and the expected results.',
    weight: 15,
    scaleMin: 1,
    scaleMax: 5,
    commentAtOrBelow: 2,
  },
];
