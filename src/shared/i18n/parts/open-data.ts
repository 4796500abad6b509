import type { Widen } from '../widen';

/** Thai strings of open data: the public API, datasets and bulk downloads (the source); English below. */
export const openDataTh = {
  errors: {},
  title: 'ข้อมูลเปิด',
  metaDescription:
    'ดาวน์โหลดข้อมูลเปิดของแพลตฟอร์มนวัตกรรมเพื่อสังคม: รอบการรับข้อเสนอ ผลการให้ทุน โครงการ ผลงานนวัตกรรม การขยายผล และตัวชี้วัด เป็น CSV และ JSON หรือผ่าน API',
  intro:
    'ข้อมูลสาธารณะของแพลตฟอร์มสำหรับนักวิจัย สื่อมวลชน หน่วยงาน และผู้สนใจ นำไปใช้ต่อได้อย่างเสรีโดยระบุแหล่งที่มา ข้อมูลปรับตามระบบจริงทุกครั้งที่เรียก',
  noPersonalData:
    'ไม่มีข้อมูลส่วนบุคคล: ไม่มีชื่อบุคคล อีเมล เบอร์โทรศัพท์ เลขประจำตัว ที่อยู่ของบุคคล หรือผู้พิจารณาข้อเสนอ ชื่อที่ปรากฏเป็นชื่อองค์กรเท่านั้น',
  licence: {
    heading: 'สัญญาอนุญาตและการอ้างอิง',
    text: 'ทุกชุดข้อมูลเผยแพร่ภายใต้ {{licence}} ใช้ ดัดแปลง และเผยแพร่ต่อได้ รวมทั้งเพื่อการค้า โดยระบุแหล่งที่มาดังนี้',
    attributionLabel: 'ข้อความอ้างอิง',
    read: 'อ่านสัญญาอนุญาต',
  },
  datasets: {
    heading: 'ชุดข้อมูล',
    intro: 'จำนวนระเบียนและวันที่ปรับปรุงล่าสุดเป็นค่าปัจจุบัน เปิด “พจนานุกรมข้อมูล” เพื่อดูความหมายของแต่ละเขตข้อมูล',
    records: 'ระเบียน',
    recordCount: '{{count}} ระเบียน',
    updated: 'ปรับปรุงล่าสุด',
    notUpdated: 'ยังไม่มีข้อมูล',
    version: 'รุ่น',
    fields: '{{count}} เขตข้อมูล',
    downloadCsv: 'ดาวน์โหลด CSV',
    downloadJson: 'ดาวน์โหลด JSON',
    ofDataset: 'ของชุดข้อมูล{{name}}',
    api: 'API',
    dictionary: 'พจนานุกรมข้อมูล ({{count}} เขตข้อมูล)',
    dictionaryCaption: 'พจนานุกรมข้อมูลของชุดข้อมูล {{name}}',
    field: 'เขตข้อมูล',
    type: 'ชนิด',
    description: 'ความหมาย',
    mayBeEmpty: 'อาจว่าง',
    empty: 'ยังไม่มีชุดข้อมูล',
  },
  types: {
    string: 'ข้อความ',
    integer: 'จำนวนเต็ม',
    number: 'ตัวเลข',
    boolean: 'จริง/เท็จ',
    date: 'วันที่ (YYYY-MM-DD)',
    datetime: 'วันเวลา (ISO 8601, UTC)',
    uuid: 'รหัส UUID',
    string_list: 'รายการข้อความ',
    integer_list: 'รายการจำนวนเต็ม',
  },
  api: {
    heading: 'ใช้ผ่าน API',
    intro:
      'API รุ่น {{version}} อ่านได้อย่างเดียว ไม่ต้องลงชื่อเข้าใช้ และเรียกจากเว็บไซต์อื่นได้ (CORS) เอกสาร OpenAPI อยู่ที่หน้าเอกสาร API หมวด open-data',
    docs: 'เอกสาร API (OpenAPI)',
    paging:
      'แบ่งหน้าด้วย page (เริ่มที่ 1) และ pageSize (1–{{max}} ค่าเริ่มต้น {{default}}) คำตอบมี page.next เป็นลิงก์หน้าถัดไป (null เมื่อเป็นหน้าสุดท้าย)',
    rateLimit: 'จำกัด {{count}} คำขอต่อนาทีต่อเลขที่อยู่ IP เกินแล้วได้รหัส 429 ให้รอแล้วเรียกใหม่',
    csvNote:
      'ไฟล์ CSV เข้ารหัส UTF-8 สองบรรทัดแรกขึ้นต้นด้วย # เป็นข้อความสัญญาอนุญาต ตามด้วยแถวชื่อเขตข้อมูล รายการคั่นด้วย ; เงินเป็นสตางค์ (100 สตางค์ = 1 บาท) ปีงบประมาณเป็น พ.ศ.',
    jsonNote: 'ไฟล์ JSON มี meta (สัญญาอนุญาต รุ่น และพจนานุกรม) และ data (ทุกระเบียน)',
    examplesHeading: 'ตัวอย่าง',
    exampleCatalogue: 'รายการชุดข้อมูล',
    examplePage: 'หน้าที่ 2 ของผลการให้ทุน หน้าละ 100 ระเบียน',
    exampleDictionary: 'พจนานุกรมข้อมูลของโครงการ',
    examplePandas: 'อ่าน CSV ด้วย Python (pandas) โดยข้ามสองบรรทัดแรก',
  },
};

export const openDataEn: Widen<typeof openDataTh> = {
  errors: {},
  title: 'Open data',
  metaDescription:
    'Download the SI Platform’s open data: calls, grant awards, projects, social innovations, adoptions and indicators, as CSV and JSON or through the API.',
  intro:
    'The platform’s public data for researchers, journalists, agencies and anyone interested, free to reuse with attribution. The figures are live: every request reads the platform as it is now.',
  noPersonalData:
    'No personal data: no names of people, emails, phone numbers, id numbers, addresses of people or reviewers. The names shown are names of organisations only.',
  licence: {
    heading: 'Licence and attribution',
    text: 'Every dataset is published under {{licence}}: you may use, adapt and share it, commercially too, giving the source as follows.',
    attributionLabel: 'Attribution',
    read: 'Read the licence',
  },
  datasets: {
    heading: 'Datasets',
    intro: 'Record counts and last changes are live. Open a “data dictionary” for what each field means.',
    records: 'records',
    recordCount: '{{count}} records',
    updated: 'Last changed',
    notUpdated: 'No data yet',
    version: 'Version',
    fields: '{{count}} fields',
    downloadCsv: 'Download CSV',
    downloadJson: 'Download JSON',
    ofDataset: 'of the dataset “{{name}}”',
    api: 'API',
    dictionary: 'Data dictionary ({{count}} fields)',
    dictionaryCaption: 'Data dictionary of the {{name}} dataset',
    field: 'Field',
    type: 'Type',
    description: 'Meaning',
    mayBeEmpty: 'may be empty',
    empty: 'No datasets yet',
  },
  types: {
    string: 'text',
    integer: 'integer',
    number: 'number',
    boolean: 'true/false',
    date: 'date (YYYY-MM-DD)',
    datetime: 'date and time (ISO 8601, UTC)',
    uuid: 'UUID',
    string_list: 'list of texts',
    integer_list: 'list of integers',
  },
  api: {
    heading: 'Using the API',
    intro:
      'API {{version}} is read-only, needs no sign-in and can be called from other websites (CORS). Its OpenAPI description is on the API documentation page, under open-data.',
    docs: 'API documentation (OpenAPI)',
    paging:
      'Pages: page (from 1) and pageSize (1–{{max}}, {{default}} by default). Each answer has page.next, the link to the next page (null on the last one).',
    rateLimit:
      'At most {{count}} requests a minute per IP address; past that the answer is 429: wait and try again.',
    csvNote:
      'CSV files are UTF-8. The first two lines start with # and carry the licence, then comes the header row. Lists are separated by ;, money is in satang (100 satang = 1 baht), fiscal years are Buddhist Era.',
    jsonNote: 'JSON files have meta (licence, version and the dictionary) and data (every record).',
    examplesHeading: 'Examples',
    exampleCatalogue: 'The list of datasets',
    examplePage: 'Page 2 of the grant awards, 100 records a page',
    exampleDictionary: 'The data dictionary of projects',
    examplePandas: 'Reading a CSV with Python (pandas), skipping the first two lines',
  },
};
