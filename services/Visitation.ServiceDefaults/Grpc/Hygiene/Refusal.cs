namespace Visitation.ServiceDefaults.Grpc.Hygiene;

/// <summary>Why a value is refused: a stable code for programs and a short Chinese message that never repeats the value.</summary>
public sealed record Refusal(string Code, string Message)
{
    public static Refusal TooLong(int max) => new("TOO_LONG", $"最多{max}个字符");

    public static Refusal TooMany(int max) => new("TOO_MANY", $"最多{max}项");

    public static readonly Refusal ControlCharacter = new("CONTROL_CHARACTER", "不能含有控制字符或换行");
    public static readonly Refusal BidiControl = new("BIDI_CONTROL", "不能含有文字方向控制字符");
    public static readonly Refusal InvisibleOnly = new("INVISIBLE_ONLY", "不能只含不可见字符");
    public static readonly Refusal InvalidText = new("INVALID_TEXT", "含有无效字符");
    public static readonly Refusal BadDate = new("BAD_FORMAT", "格式应为 yyyy-MM-dd");
    public static readonly Refusal BadMonth = new("BAD_FORMAT", "格式应为 yyyy-MM");
    public static readonly Refusal BadTime = new("BAD_FORMAT", "格式应为 HH:mm");
    public static readonly Refusal OutOfRange = new("OUT_OF_RANGE", $"超出允许范围（{InputRules.EarliestYear}年至{InputRules.YearsAhead}年后）");
    public static readonly Refusal UnknownEnumValue = new("UNKNOWN_VALUE", "未知的取值");
}
