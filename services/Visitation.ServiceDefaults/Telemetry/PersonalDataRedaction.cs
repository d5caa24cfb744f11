using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;

namespace Visitation.ServiceDefaults.Telemetry;

/// <summary>
/// The safety net under telemetry (docs/telemetry-privacy.md): text that a log record or a span is about
/// to carry loses anything shaped like a resident ID number or a mobile number. The services never
/// write these values on purpose; this catches what a library or an exception message might carry,
/// and counts each catch (<see cref="CounterName"/>), so that the source can be found and fixed.
/// Names have no shape to find: they are kept out at the source, and the tests prove it.
/// </summary>
public static partial class PersonalDataRedaction
{
    public const string MeterName = "Visitation.Telemetry";

    /// <summary>Values redacted, by signal ("log", "span"): zero in a healthy service.</summary>
    public const string CounterName = "visitation.telemetry.redactions";

    public const string RedactedIdNumber = "[id-number]";
    public const string RedactedPhone = "[phone]";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Redactions = Meter.CreateCounter<long>(CounterName, description: "ID numbers and phone numbers removed from telemetry by the safety net");

    /// <summary>
    /// <paramref name="text"/> with every ID and mobile number replaced; the same instance when there was
    /// none. Counted under <paramref name="signal"/>; not counted when it is null (text already counted once).
    /// </summary>
    public static string Redact(string text, string? signal)
    {
        if (text.Length < 11 || !HasDigitRun(text))
        {
            return text;
        }

        var count = 0;
        var redacted = IdNumbers().Replace(text, _ => { count++; return RedactedIdNumber; });
        redacted = Phones().Replace(redacted, _ => { count++; return RedactedPhone; });
        if (count == 0)
        {
            return text;
        }

        if (signal is not null)
        {
            Redactions.Add(count, new KeyValuePair<string, object?>("signal", signal));
        }

        return redacted;
    }

    // Most text has no run of 11 digits at all: skip the expressions for it.
    private static bool HasDigitRun(string text)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run == 11)
            {
                return true;
            }
        }

        return false;
    }

    // Standing alone (no letter or digit either side, so hex digests and longer numbers stay): six digits of
    // region, a birth date from 1900 on, three digits and a check character, valid or not.
    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx](?![0-9A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex IdNumbers();

    [GeneratedRegex(@"(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex Phones();
}
