namespace Visitation.Rules.Sms;

/// <summary>The outcomes a family is told about by SMS (RULES.md §6.4).</summary>
public enum SmsKind
{
    Received,
    BureauRejected,
    PrisonRejected,
    Scheduled,
    Unavailable,
}
