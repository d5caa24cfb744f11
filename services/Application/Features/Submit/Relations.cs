namespace Visitation.Application.Features.Submit;

/// <summary>
/// The relation codes a clerk may record, with their Chinese names. Which of them may visit a
/// given inmate is the prison's policy (RULES.md §2); here we only refuse codes we do not know.
/// </summary>
public static class Relations
{
    public static readonly IReadOnlyDictionary<string, string> Known = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["spouse"] = "配偶",
        ["father"] = "父亲",
        ["mother"] = "母亲",
        ["son"] = "儿子",
        ["daughter"] = "女儿",
        ["brother"] = "兄弟",
        ["sister"] = "姐妹",
        ["guardian"] = "监护人",
        ["grandfather"] = "祖父",
        ["grandmother"] = "祖母",
        ["maternal_grandfather"] = "外祖父",
        ["maternal_grandmother"] = "外祖母",
        ["grandson"] = "孙子",
        ["granddaughter"] = "孙女",
        ["maternal_grandson"] = "外孙子",
        ["maternal_granddaughter"] = "外孙女",
    };
}
