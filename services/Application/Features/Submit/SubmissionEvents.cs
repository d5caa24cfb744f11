using Visitation.Application.Data;
using Visitation.Contracts.Events;
using Visitation.Protection;
using Visitation.Rules.Identity;
using Visitation.Rules.Privacy;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.Application.Features.Submit;

/// <summary>
/// The events a submission publishes, each with only what its consumers use (docs/data-minimisation.md):
/// the reviewing stages get masked ID numbers and visitor keys, never a full number or a phone;
/// notification alone gets the contact's phone.
/// </summary>
public sealed class SubmissionEvents(FieldProtector protector)
{
    public ApplicationSubmitted Submitted(VisitApplication application, Caller caller, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(caller);
        return new ApplicationSubmitted(Details(application, DateOnly.FromDateTime(now.DateTime)), caller.UserId, now);
    }

    /// <summary>
    /// The application as every reviewing stage reads it, its visitors' ages on <paramref name="today"/>:
    /// the submission's, and a resubmission's after a send-back (docs/send-back.md).
    /// </summary>
    public ApplicationDetails Details(VisitApplication application, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(application);
        return new ApplicationDetails(
            application.Id,
            application.OfficeId,
            application.CountyId,
            application.VenueId,
            application.InmateName,
            application.PrisonId,
            application.PrisonArea,
            application.VisitMonth,
            today,
            [.. application.Visitors.Select(v => Visitor(v, today))],
            application.PreferredDates.Count == 0 ? null : application.PreferredDates,
            application.PreferredPartOfDay.Length == 0 ? null : application.PreferredPartOfDay);
    }

    public static ApplicationContactGiven ContactGiven(VisitApplication application, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(application);
        var contact = application.Visitors.Single(v => v.IsContact);
        return new ApplicationContactGiven(
            application.Id, contact.Phone, application.OfficeId, application.CountyId, application.PrisonId, application.VisitMonth, now);
    }

    private VisitorDetails Visitor(ApplicationVisitor visitor, DateOnly today) => new(
        visitor.Name,
        Mask.IdNumber(visitor.IdNumber),
        protector.BlindIndex(visitor.IdNumber, VisitorDetails.KeyPurpose),
        visitor.Relation,
        ResidentIdNumber.AgeOn(visitor.BirthDate, today),
        visitor.Documents,
        visitor.IsGuardian);
}
