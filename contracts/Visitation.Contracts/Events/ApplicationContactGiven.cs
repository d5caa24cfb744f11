namespace Visitation.Contracts.Events;

/// <summary>
/// Who the family's SMS go to for a submitted application, published in the submission's
/// transaction beside <see cref="ApplicationSubmitted"/>; notification is its only consumer, so the
/// phone reaches no other service (docs/data-minimisation.md). Carries no name: no SMS uses one.
/// </summary>
/// <param name="ContactPhone">The contact visitor's mainland mobile number, in full: the SMS goes to it.</param>
[CarriesPersonalData]
public sealed record ApplicationContactGiven(
    Guid ApplicationId,
    string ContactPhone,
    string OfficeId,
    string CountyId,
    string PrisonId,
    string VisitMonth,
    DateTimeOffset OccurredAt);
