using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;

namespace Visitation.Console.Pages.VisitCentre.Register;

/// <summary>
/// An uploaded register file as rows of cells: CSV (UTF-8, as the template) or Excel (.xlsx, its first sheet).
/// The first row is the header; its column names are read, so the columns may come in any order.
/// </summary>
public static class RegisterFile
{
    /// <summary>The largest file the page reads: a prison's whole register fits many times over.</summary>
    public const long MaxBytes = 2 * 1024 * 1024;

    /// <summary>The most inmates one import sends; a larger register is imported in parts.</summary>
    public const int MaxRows = 5000;

    /// <summary>The columns, in the template's order, with the header each is read by.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["罪犯编号", "姓名", "监区", "管理等级", "未成年", "罪名类别", "状态", "状态开始", "状态结束", "状态说明"];

    /// <summary>The template the page offers: the header and one example line.</summary>
    public static string Template =>
        string.Join(',', Columns) + "\r\n" + "NX20260001,张三,3,普管,否,职务犯罪,,,,\r\n";

    /// <summary>The rows under the header, each as a column-name → cell map; null with the reason when the file cannot be read.</summary>
    public static (IReadOnlyList<RegisterLine>? Rows, string? Problem) Read(Stream content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        var extension = Path.GetExtension(fileName).ToUpperInvariant();
        try
        {
            var table = extension switch
            {
                ".CSV" => Csv(content),
                ".XLSX" => Excel(content),
                _ => null,
            };
            return table is null
                ? (null, "只能导入CSV文件（.csv）或Excel文件（.xlsx）")
                : table.Count == 0 ? (null, "文件中没有表头") : (Rows(table), null);
        }
        catch (Exception error) when (error is CsvFormatException or InvalidDataException or IOException or ArgumentException or FormatException)
        {
            return (null, "文件无法读取，请使用模板的格式另存后重新上传");
        }
    }

    /// <summary>The separator is detected (comma, semicolon, tab), a UTF-8 byte order mark honoured; lines may differ in length.</summary>
    private static List<(int Line, string[] Cells)> Csv(Stream content)
    {
        var options = new CsvReaderOptions { HasHeader = false, TrackLineNumbers = true, FieldCountMismatch = CsvFieldCountHandling.Allow, MalformedData = CsvMalformedDataHandling.Throw };
        using var csv = CsvReader.Create(content, options, leaveOpen: true);
        var table = new List<(int, string[])>();
        while (table.Count <= MaxRows + 1 && csv.Read())
        {
            table.Add(((int)csv.LineNumber, [.. Enumerable.Range(0, csv.FieldCount).Select(csv.GetString)]));
        }

        return table;
    }

    private static List<(int Line, string[] Cells)> Excel(Stream content)
    {
        using var workbook = new XLWorkbook(content);
        var sheet = workbook.Worksheets.First();
        var width = sheet.LastColumnUsed()?.ColumnNumber() ?? 0;
        return [.. sheet.RowsUsed().Take(MaxRows + 2)
            .Select(row => (row.RowNumber(), Enumerable.Range(1, width).Select(column => row.Cell(column).GetFormattedString()).ToArray()))];
    }

    /// <summary>The rows under the header with their line in the file (as the officer's editor numbers them); blank lines left out.</summary>
    private static List<RegisterLine> Rows(List<(int Line, string[] Cells)> table)
    {
        var header = table[0].Cells.Select(h => h.Trim()).ToArray();
        return [.. table.Skip(1)
            .Where(row => row.Cells.Any(c => !string.IsNullOrWhiteSpace(c)))
            .Select(row => new RegisterLine(row.Line, header
                .Select((name, i) => (name, value: i < row.Cells.Length ? row.Cells[i].Trim() : string.Empty))
                .Where(c => c.name.Length > 0)
                .GroupBy(c => c.name, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().value, StringComparer.Ordinal)))];
    }
}

/// <summary>One line of the file: its number as the officer's spreadsheet shows it, and its cells by column name.</summary>
public sealed record RegisterLine(int Line, IReadOnlyDictionary<string, string> Cells)
{
    public string this[string column] => Cells.GetValueOrDefault(column, string.Empty);
}
