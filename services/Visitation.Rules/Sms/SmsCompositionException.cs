namespace Visitation.Rules.Sms;

/// <summary>
/// A value longer than its template variable allows. Providers refuse (or cut) an over-long
/// variable, so this is a bug in what we compose — caught by tests, never sent as a truncated SMS.
/// </summary>
public sealed class SmsCompositionException : ArgumentException
{
    public SmsCompositionException(SmsKind kind, string variable, int length, int maxLength)
        : base($"The value of '{variable}' in the {kind} SMS template is {length} characters long; the registered template allows {maxLength}.", variable)
    {
        Kind = kind;
        Variable = variable;
        Length = length;
        MaxLength = maxLength;
    }

    public SmsCompositionException()
    {
        Variable = string.Empty;
    }

    public SmsCompositionException(string message) : base(message)
    {
        Variable = string.Empty;
    }

    public SmsCompositionException(string message, Exception innerException) : base(message, innerException)
    {
        Variable = string.Empty;
    }

    public SmsKind Kind { get; }

    /// <summary>The variable whose value is too long.</summary>
    public string Variable { get; }

    public int Length { get; }

    public int MaxLength { get; }
}
