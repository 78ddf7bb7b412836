/** readSheetXlsx: a workbook's data sheet as text cells with the row numbers a person sees. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildImportTemplateXlsx, columnLetter, readSheetXlsx } from '../src/index.js';

describe('readSheetXlsx', () => {
  it('dates as dd/mm/yyyy, text ids keep leading zeros, numbers, formulas by result, rich text; blank rows skipped', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Hướng dẫn').getCell('A1').value = 'đọc tôi';
    const ws = wb.addWorksheet('Danh sách');
    ws.addRow(['Họ và tên', 'Ngày sinh', 'Số định danh', 'Điểm']);
    ws.addRow(['  Nguyễn Thị Hà ', new Date(Date.UTC(1985, 8, 5)), '025303001234', 4.5]);
    ws.addRow([]);
    ws.addRow([{ richText: [{ text: 'Trần ' }, { text: 'Văn Bình', font: { bold: true } }] }, '03/02/1980', 25303001235, { formula: '2+3', result: 5 }]);
    const { sheet, rows } = await readSheetXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(sheet).toBe('Danh sách');
    expect(rows).toEqual([
      { row: 1, cells: ['Họ và tên', 'Ngày sinh', 'Số định danh', 'Điểm'] },
      { row: 2, cells: ['Nguyễn Thị Hà', '05/09/1985', '025303001234', '4.5'] },
      { row: 4, cells: ['Trần Văn Bình', '03/02/1980', '25303001235', '5'] },
    ]);
  });

  it('reads the “Dữ liệu” sheet of a template; the people template has a date column “Ngày sinh”', async () => {
    const { sheet, rows } = await readSheetXlsx(await buildImportTemplateXlsx('people'));
    expect(sheet).toBe('Dữ liệu');
    expect(rows[0]!.cells.slice(0, 5)).toEqual(['Mã *', 'Họ và tên *', 'Giới tính', 'Ngày sinh', 'Thôn, tổ dân phố']);
    expect([columnLetter(1), columnLetter(26), columnLetter(28)]).toEqual(['A', 'Z', 'AB']);
  });

  it('rejects bytes that are not a workbook', async () => {
    await expect(readSheetXlsx(Buffer.from('not a workbook'))).rejects.toThrow();
  });
});
