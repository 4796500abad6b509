import { FormDefinitionSchema, type FormDefinition, type FormDefinitionInput } from '@shared/contracts/forms';
import type { FormStage } from '@shared/contracts/calls';

const summarySection = (concept: boolean): FormDefinitionInput['sections'][number] => ({
  id: 'project',
  titleTh: 'ข้อมูลโครงการ',
  titleEn: 'The project',
  questions: [
    {
      id: 'summary',
      type: 'long_text',
      labelTh: concept ? 'สรุปแนวคิดโครงการ' : 'บทสรุปโครงการ',
      labelEn: concept ? 'Concept summary' : 'Project summary',
      helpTh: 'ปัญหาที่จะแก้ กลุ่มเป้าหมาย นวัตกรรมที่เสนอ และผลที่คาดว่าจะเกิด',
      helpEn: 'The problem, who it affects, the innovation proposed and the change expected',
      required: true,
      maxLength: concept ? 3000 : 5000,
    },
    {
      id: 'area',
      type: 'area',
      labelTh: 'พื้นที่ดำเนินงาน',
      labelEn: 'Where the project works',
      required: true,
      level: 'province',
      multiple: true,
    },
    {
      id: 'themes',
      type: 'themes',
      labelTh: 'ประเด็นนวัตกรรมเพื่อสังคม',
      labelEn: 'Social innovation themes',
      required: true,
      maxSelected: 3,
    },
  ],
});

const budgetSection: FormDefinitionInput['sections'][number] = {
  id: 'budget',
  titleTh: 'งบประมาณ',
  titleEn: 'Budget',
  helpTh: 'ระบุรายการค่าใช้จ่ายตามหมวด ยอดรวมต้องอยู่ในวงเงินทุนต่อข้อเสนอของรอบนี้',
  helpEn: 'List the costs by category; the total must lie within the grant range of this call',
  questions: [
    {
      id: 'budget',
      type: 'budget_table',
      labelTh: 'รายการงบประมาณ',
      labelEn: 'Budget lines',
      required: true,
    },
  ],
};

const STARTERS: Record<FormStage, FormDefinitionInput> = {
  proposal: { sections: [summarySection(false), budgetSection] },
  concept: {
    sections: [
      summarySection(true),
      {
        id: 'budget',
        titleTh: 'งบประมาณโดยประมาณ',
        titleEn: 'Estimated budget',
        questions: [
          {
            id: 'estimated_budget',
            type: 'money',
            labelTh: 'งบประมาณที่ขอโดยประมาณ',
            labelEn: 'Estimated amount requested',
            required: true,
          },
        ],
      },
    ],
  },
  full: { sections: [summarySection(false), budgetSection] },
};

/** The form a new call stage starts with, for officers to edit in the form builder. */
export function starterForm(stage: FormStage): FormDefinition {
  return FormDefinitionSchema.parse(STARTERS[stage]);
}
