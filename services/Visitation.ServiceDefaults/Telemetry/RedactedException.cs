namespace Visitation.ServiceDefaults.Telemetry;

/// <summary>
/// Stands in a log record for an exception whose text held an ID or mobile number: the same type name,
/// message and full text (inner exceptions and stack trace included), redacted. Its type is not the
/// original's, so it is only ever handed to a logger, never thrown or caught.
/// </summary>
#pragma warning disable CA1032 // not an exception anyone throws: it carries another's redacted text to a log
internal sealed class RedactedException : Exception
#pragma warning restore CA1032
{
    private readonly string _text;

    private RedactedException(string message, string text)
        : base(message) => _text = text;

    public override string? StackTrace => null;

    /// <summary><paramref name="exception"/> itself when its text is clean, else its redacted stand-in.</summary>
    public static Exception Of(Exception exception)
    {
        var text = exception.ToString();
        var redacted = PersonalDataRedaction.Redact(text, "log");
        return ReferenceEquals(redacted, text)
            ? exception
            : new RedactedException(PersonalDataRedaction.Redact(exception.Message, signal: null), redacted);
    }

    public override string ToString() => _text;
}
