using System.Globalization;
using Visitation.Contracts.Grpc.PrisonApproval;

namespace Visitation.Console.Pages.VisitCentre.Register;

/// <summary>One line of the file read as an inmate of the register, with every problem found in it, in Chinese.</summary>
public sealed record RegisterRow(int Line, InmateRecord Inmate, IReadOnlyList<string> Problems)
{
    public bool Valid => Problems.Count == 0;
}

/// <summary>
/// Reads the register's lines as ImportInmates' records, checking on the console what the officer can
/// mend in the file (required cells, the vocabularies' Chinese words, dates, a number twice); the
/// service checks everything again when the officer confirms.
/// </summary>
public static class RegisterRows
{
    private const int MaxNumberLength = 32;

    private static readonly char[] ListSeparators = ['、', ';', '；', '，', '|'];

    public static IReadOnlyList<RegisterRow> Read(IReadOnlyList<RegisterLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. lines.Select(line => Read(line, seen))];
    }

    private static RegisterRow Read(RegisterLine line, HashSet<string> seen)
    {
        var problems = new List<string>();
        var inmate = new InmateRecord
        {
            InmateNumber = Required(line, "罪犯编号", problems),
            Name = Required(line, "姓名", problems),
            PrisonArea = Required(line, "监区", problems),
            ManagementLevel = Word(line, "管理等级", Enum.GetValues<ManagementLevel>(), PrisonNames.Of, problems, required: true),
            Juvenile = line["未成年"] is "是" or "Y" or "y",
        };
        if (inmate.InmateNumber.Length > MaxNumberLength)
        {
            problems.Add($"罪犯编号不超过{MaxNumberLength}个字符");
        }
        else if (inmate.InmateNumber.Length > 0 && !seen.Add(inmate.InmateNumber))
        {
            problems.Add("罪犯编号与上面的行重复");
        }

        if (line["未成年"] is { Length: > 0 } juvenile && juvenile is not ("是" or "否" or "Y" or "y" or "N" or "n"))
        {
            problems.Add("未成年请填“是”或“否”");
        }

        foreach (var category in line["罪名类别"].Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var known = Enum.GetValues<CrimeCategory>().Where(c => c != CrimeCategory.Unspecified && PrisonNames.Of(c) == category).ToList();
            if (known.Count == 0)
            {
                problems.Add($"罪名类别“{category}”不是可选的类别（{string.Join("、", Enum.GetValues<CrimeCategory>().Skip(1).Select(PrisonNames.Of))}）");
            }

            inmate.CrimeCategories.AddRange(known);
        }

        if (Status(line, problems) is { } status)
        {
            inmate.Statuses.Add(status);
        }

        return new RegisterRow(line.Line, inmate, problems);
    }

    /// <summary>The line's status, when its 状态 cell is filled.</summary>
    private static StatusInput? Status(RegisterLine line, List<string> problems)
    {
        if (line["状态"].Length == 0)
        {
            return null;
        }

        var status = new StatusInput
        {
            Kind = Word(line, "状态", Enum.GetValues<InmateStatusKind>(), PrisonNames.Of, problems, required: true),
            From = Day(line, "状态开始", problems, required: true),
            To = Day(line, "状态结束", problems, required: false),
            Reason = line["状态说明"],
        };
        if (status.Kind == InmateStatusKind.Other && status.Reason.Length == 0)
        {
            problems.Add("状态为“其他”时须填写状态说明");
        }

        return status;
    }

    private static string Required(RegisterLine line, string column, List<string> problems)
    {
        var value = line[column];
        if (value.Length == 0)
        {
            problems.Add($"{column}未填写");
        }

        return value;
    }

    /// <summary>A cell holding one of an enum's Chinese words (the names the console shows), as its value.</summary>
    private static T Word<T>(RegisterLine line, string column, T[] values, Func<T, string> name, List<string> problems, bool required) where T : struct, Enum
    {
        var word = line[column];
        var choices = values.Where(v => Convert.ToInt32(v, CultureInfo.InvariantCulture) != 0).ToList();
        if (word.Length == 0)
        {
            if (required)
            {
                problems.Add($"{column}未填写");
            }

            return default;
        }

        var match = choices.FirstOrDefault(v => name(v) == word);
        if (Convert.ToInt32(match, CultureInfo.InvariantCulture) == 0)
        {
            problems.Add($"{column}“{word}”不是可选的值（{string.Join("、", choices.Select(name))}）");
        }

        return match;
    }

    /// <summary>A date cell as yyyy-MM-dd; an Excel date cell may read 2026/12/1 and is accepted too.</summary>
    private static string Day(RegisterLine line, string column, List<string> problems, bool required)
    {
        var text = line[column];
        if (text.Length == 0)
        {
            if (required)
            {
                problems.Add($"{column}未填写");
            }

            return string.Empty;
        }

        string[] formats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm"];
        if (DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        problems.Add($"{column}“{text}”不是日期（如2026-12-01）");
        return string.Empty;
    }
}
