using System.Text.Json;
using Visitation.Contracts.Events;

namespace Visitation.Workflow.Retention;

/// <summary>
/// The one place that says what retention leaves of an application's snapshot as the events carried
/// it (the bureau's reviews, the prison's approvals): ids, office, county, venue, prison and area,
/// the month and the preferred days, each visitor's relation, age, documents and guardianship. The
/// inmate's and visitors' names and the visitors' masked numbers and visitor keys go. A change to what
/// <see cref="ApplicationDetails"/> or <see cref="VisitorDetails"/> carry is adapted here.
/// </summary>
public static class AnonymousDetails
{
    /// <summary>
    /// The JSON property of a stored snapshot that shows whether it was anonymised: the inmate's name,
    /// which the input rules never let be blank, is blank only once retention has passed.
    /// </summary>
    public static string MarkerProperty { get; } = JsonNamingPolicy.CamelCase.ConvertName(nameof(ApplicationDetails.InmateName));

    public static ApplicationDetails Of(ApplicationDetails application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return application with { InmateName = string.Empty, Visitors = [.. application.Visitors.Select(Of)] };
    }

    public static VisitorDetails Of(VisitorDetails visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor with { Name = string.Empty, IdNumberMasked = string.Empty, VisitorKey = string.Empty };
    }
}
