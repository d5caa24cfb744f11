namespace Visitation.Contracts.Events;

/// <summary>
/// A clerk submitted an application. Every reviewing stage reads it, so it carries no phone number
/// and no full ID number: the contact's phone travels in <see cref="ApplicationContactGiven"/>,
/// which only notification consumes.
/// </summary>
[CarriesPersonalData]
public sealed record ApplicationSubmitted(
    ApplicationDetails Application,
    string SubmittedBy,
    DateTimeOffset OccurredAt);
