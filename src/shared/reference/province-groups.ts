/** The code of the poor-province target group (กลุ่มจังหวัดยากจน). */
export const TARGET_GROUP_CODE = 'poverty_target';
