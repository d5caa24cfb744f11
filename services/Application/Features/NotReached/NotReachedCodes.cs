using Visitation.Application.Data;
using Visitation.Contracts.Events;

namespace Visitation.Application.Features.NotReached;

/// <summary>The audit's codes for the list's reasons and outcomes (docs/audit.md: codes, never text).</summary>
public static class NotReachedCodes
{
    public static string Of(SmsFailureReason reason) => reason switch
    {
        SmsFailureReason.WrongNumber => "WRONG_NUMBER",
        SmsFailureReason.Blocked => "BLOCKED",
        SmsFailureReason.ProviderRefused => "PROVIDER_REFUSED",
        _ => "OUT_OF_RETRIES",
    };

    public static string Of(ContactOutcome outcome) => outcome switch
    {
        ContactOutcome.ReachedByPhone => "reached_by_phone",
        ContactOutcome.VisitedOffice => "visited_office",
        _ => "could_not_reach",
    };
}
