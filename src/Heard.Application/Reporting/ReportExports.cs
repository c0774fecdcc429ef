using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Heard.Application.Reporting;

/// <summary>
/// The report's tables as CSV (one table) and as a spreadsheet (one sheet per table, numbers as numbers). Both are
/// written from the same <see cref="ReportTable"/>s the page shows, so the exports cannot disagree with the page.
/// </summary>
public static class ReportExports
{
    public static string Csv(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', table.Columns.Select(Quote)));
        foreach (var row in table.Rows)
        {
            text.AppendLine(string.Join(',', row.Cells.Select(c => Quote(c.Number is { } n ? n.ToString(CultureInfo.InvariantCulture) : c.Text))));
        }

        return text.ToString();
    }

    /// <summary>Quotes a CSV field (RFC 4180) and defuses a leading formula character so a spreadsheet does not run it.</summary>
    private static string Quote(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static void Xlsx(string title, IReadOnlyList<ReportTable> tables, Stream output)
    {
        ArgumentNullException.ThrowIfNull(tables);
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheets = workbook.Workbook.AppendChild(new Sheets());
        uint id = 1;
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in tables)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.AppendChild(new Row(new Cell { CellValue = new CellValue(title), DataType = CellValues.String }));
            data.AppendChild(new Row(new Cell { CellValue = new CellValue(table.Title), DataType = CellValues.String }));
            data.AppendChild(new Row(table.Columns.Select(c => new Cell { CellValue = new CellValue(c), DataType = CellValues.String })));
            foreach (var row in table.Rows)
            {
                data.AppendChild(new Row(row.Cells.Select(c => c.Number is { } n
                    ? new Cell { CellValue = new CellValue(n), DataType = CellValues.Number }
                    : new Cell { CellValue = new CellValue(c.Text), DataType = CellValues.String })));
            }

            part.Worksheet = new Worksheet(data);
            sheets.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = SheetName(table.Id, used) });
        }

        workbook.Workbook.Save();
    }

    /// <summary>Sheet names are at most 31 characters and unique.</summary>
    private static string SheetName(string id, HashSet<string> used)
    {
        var name = id.Length > 31 ? id[..31] : id;
        var candidate = name;
        for (var i = 2; !used.Add(candidate); i++)
        {
            candidate = $"{name[..Math.Min(name.Length, 28)]}-{i}";
        }

        return candidate;
    }
}
